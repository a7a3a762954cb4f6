/** GET /api/v1/rounds/:code: what a tablet or phone needs to run a round offline. */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../apiErrors.ts';
import type { AppContext } from '../context.ts';
import { findRoundByCode, roundConfig } from '../rounds.ts';

export const roundRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get<{ Params: { code: string } }>('/rounds/:code', async (request, reply) => {
      const code = request.params.code;
      const found = code.length <= 32 ? await findRoundByCode(ctx.db.kysely, code) : null;
      if (!found) throw new HttpError(404, 'unknown-round');
      reply.header('Cache-Control', 'no-store');
      return roundConfig(ctx.db.kysely, ctx.questionnaires, found);
    });
  };
