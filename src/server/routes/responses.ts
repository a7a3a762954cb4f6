/** POST /api/v1/responses: a batch from a tablet or phone, stored exactly once. */
import type { FastifyPluginAsync } from 'fastify';
import { describeIssue } from '../../shared/describeIssue.ts';
import { syncPayloadSchema, type SyncAck } from '../../shared/response.ts';
import { HttpError } from '../apiErrors.ts';
import { RateLimiter } from '../auth/rateLimit.ts';
import type { AppContext } from '../context.ts';
import { storeResponses } from '../ingest/storeResponses.ts';

/** 50 responses of 60 answers and a few comments fit easily; anything larger is refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Batches per address per minute: far above what a group home's tablets send, far below a flood. */
export const SUBMISSIONS_PER_MINUTE = 600;

export const responseRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const limiter = new RateLimiter(ctx.limits?.submissionsPerMinute ?? SUBMISSIONS_PER_MINUTE, 60_000);
    app.post('/responses', { bodyLimit: MAX_BODY_BYTES }, async (request, reply): Promise<SyncAck> => {
      if (!limiter.take(request.ip)) {
        reply.header('Retry-After', '60');
        throw new HttpError(429, 'rate-limited');
      }
      const parsed = syncPayloadSchema.safeParse(request.body, { reportInput: true });
      if (!parsed.success) {
        throw new HttpError(400, 'invalid-payload', { details: parsed.error.issues.slice(0, 20).map(describeIssue) });
      }
      return storeResponses(ctx.db.kysely, ctx.questionnaires, parsed.data);
    });
  };
