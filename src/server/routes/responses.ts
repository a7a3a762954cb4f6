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
      const byAddress = await limits.hit('submit-address', request.ip, perAddress, 60_000);
      if (!byAddress.allowed) {
        reply.header('Retry-After', String(byAddress.retryAfter));
        throw new HttpError(429, 'rate-limited');
      }
      const parsed = syncPayloadSchema.safeParse(request.body, { reportInput: true });
      if (!parsed.success) {
        throw new HttpError(400, 'invalid-payload', { details: parsed.error.issues.slice(0, 20).map(describeIssue) });
      }
      const perRoundCode = new Map<string, number>();
      for (const response of parsed.data.responses) perRoundCode.set(response.roundCode, (perRoundCode.get(response.roundCode) ?? 0) + 1);
      for (const [code, count] of perRoundCode) {
        const byCode = await limits.hit('submit-code', code, perCode, 3_600_000, count);
        if (!byCode.allowed) {
          reply.header('Retry-After', String(byCode.retryAfter));
          throw new HttpError(429, 'rate-limited');
        }
      }
      return storeResponses(ctx.db.kysely, ctx.questionnaires, parsed.data);
    });
  };
