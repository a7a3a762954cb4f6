/**
 * GET /api/v1/rounds/:code: what a tablet or phone needs to run a round
 * offline. Unknown codes, here and in submissions, are counted per
 * address across all server processes: after MISSES_PER_ADDRESS in a
 * quarter of an hour that address waits, so codes cannot be guessed at speed.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../apiErrors.ts';
import { limitsOf } from '../auth/limits.ts';
import type { AppContext } from '../context.ts';
import { findRoundByCode, roundConfig } from '../rounds.ts';

/** Far more typing mistakes than an office of helpers setting up tablets makes. */
export const MISSES_PER_ADDRESS = 60;
const MISS_WINDOW_MS = 15 * 60_000;

/**
 * Runs a lookup that tells whether a code exists (a round's configuration,
 * or a submission naming a code) unless the address is over its misses.
 */
export async function guardCodeGuessing<T>(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, lookup: () => Promise<T>): Promise<T> {
  const allowed = await limitsOf(ctx.db.kysely).check('code-lookup-address', request.ip, ctx.limits?.codeMissesPerAddress ?? MISSES_PER_ADDRESS);
  if (!allowed.allowed) {
    request.log.warn('round code lookups limited for an address');
    reply.header('Retry-After', String(allowed.retryAfter));
    throw new HttpError(429, 'rate-limited');
  }
  return lookup();
}

/** One more unknown code from this address. */
export async function countUnknownCode(ctx: AppContext, request: FastifyRequest): Promise<void> {
  await limitsOf(ctx.db.kysely).hit('code-lookup-address', request.ip, ctx.limits?.codeMissesPerAddress ?? MISSES_PER_ADDRESS, MISS_WINDOW_MS);
}

export const roundRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get<{ Params: { code: string } }>('/rounds/:code', async (request, reply) => {
      const code = request.params.code;
      const found = await guardCodeGuessing(ctx, request, reply, async () => (code.length <= 32 ? findRoundByCode(ctx.db.kysely, code) : null));
      if (!found) {
        await countUnknownCode(ctx, request);
        throw new HttpError(404, 'unknown-round');
      }
      reply.header('Cache-Control', 'no-store');
      return roundConfig(ctx.db.kysely, ctx.questionnaires, found);
    });
  };
