/**
 * GET /api/v1/rounds/:code: what a tablet or phone needs to run a round
 * offline. Unknown codes are counted per address across all server
 * processes: after MISSES_PER_ADDRESS in a quarter of an hour that address
 * waits, so codes cannot be guessed at speed.
 */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../apiErrors.ts';
import { limitsOf } from '../auth/limits.ts';
import type { AppContext } from '../context.ts';
import { findRoundByCode, roundConfig } from '../rounds.ts';

/** Far more typing mistakes than an office of helpers setting up tablets makes. */
export const MISSES_PER_ADDRESS = 60;
const MISS_WINDOW_MS = 15 * 60_000;

export const roundRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const limits = limitsOf(ctx.db.kysely);
    app.get<{ Params: { code: string } }>('/rounds/:code', async (request, reply) => {
      const code = request.params.code;
      const allowed = await limits.check('code-lookup-address', request.ip, MISSES_PER_ADDRESS);
      if (!allowed.allowed) {
        request.log.warn('round code lookups limited for an address');
        reply.header('Retry-After', String(allowed.retryAfter));
        throw new HttpError(429, 'rate-limited');
      }
      const found = code.length <= 32 ? await findRoundByCode(ctx.db.kysely, code) : null;
      if (!found) {
        await limits.hit('code-lookup-address', request.ip, MISSES_PER_ADDRESS, MISS_WINDOW_MS);
        throw new HttpError(404, 'unknown-round');
      }
      reply.header('Cache-Control', 'no-store');
      return roundConfig(ctx.db.kysely, ctx.questionnaires, found);
    });
  };
