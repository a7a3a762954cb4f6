/**
 * POST /api/v1/responses: a batch from a tablet or phone, stored exactly
 * once. Limited in the database, across all server processes: batches per
 * address per minute, and responses per round code per hour (so whoever
 * holds a code can add only so much to a round).
 */
import type { FastifyPluginAsync } from 'fastify';
import { describeIssue } from '../../shared/describeIssue.ts';
import { syncPayloadSchema, type SyncAck } from '../../shared/response.ts';
import { HttpError } from '../apiErrors.ts';
import { limitsOf } from '../auth/limits.ts';
import type { AppContext } from '../context.ts';
import { storeResponses } from '../ingest/storeResponses.ts';
import { countUnknownCode, guardCodeGuessing } from './rounds.ts';

/** 50 responses of 60 answers and a few comments fit easily; anything larger is refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Batches per address per minute: far above what a group home's tablets send, far below a flood. */
export const SUBMISSIONS_PER_MINUTE = 600;

/**
 * Responses per round code per hour: a large municipality's whole round sent
 * at once by tablets that were offline fits; a flood with a leaked code stops.
 */
export const SUBMISSIONS_PER_CODE_PER_HOUR = 5000;

export const responseRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const limits = limitsOf(ctx.db.kysely);
    const perAddress = ctx.limits?.submissionsPerMinute ?? SUBMISSIONS_PER_MINUTE;
    const perCode = ctx.limits?.submissionsPerCodePerHour ?? SUBMISSIONS_PER_CODE_PER_HOUR;
    app.post('/responses', { bodyLimit: MAX_BODY_BYTES }, async (request, reply): Promise<SyncAck> => {
      const parsed = syncPayloadSchema.safeParse(request.body, { reportInput: true });
      // The address's batch (a malformed one too) and each round code's responses, counted in one statement.
      const perRoundCode = new Map<string, number>();
      for (const response of parsed.data?.responses ?? []) perRoundCode.set(response.roundCode, (perRoundCode.get(response.roundCode) ?? 0) + 1);
      const verdicts = await limits.hitAll([
        { scope: 'submit-address', value: request.ip, limit: perAddress, windowMs: 60_000 },
        ...[...perRoundCode].map(([code, count]) => ({ scope: 'submit-code' as const, value: code, limit: perCode, windowMs: 3_600_000, amount: count })),
      ]);
      const refused = verdicts.find((verdict) => !verdict.allowed);
      if (refused) {
        reply.header('Retry-After', String(refused.retryAfter));
        throw new HttpError(429, 'rate-limited');
      }
      if (!parsed.success) {
        throw new HttpError(400, 'invalid-payload', { details: parsed.error.issues.slice(0, 20).map(describeIssue) });
      }
      // A submission tells whether its code exists, so unknown codes count as guesses, as in GET /rounds/:code.
      return guardCodeGuessing(ctx, request, reply, () =>
        storeResponses(ctx.db.kysely, ctx.questionnaires, parsed.data).catch(async (error: unknown) => {
          if (error instanceof HttpError && error.code === 'unknown-round') await countUnknownCode(ctx, request);
          throw error;
        }),
      );
    });
  };
