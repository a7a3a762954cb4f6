/** GET /rounds/:id/results: aggregated, suppressed figures for one round of the coordinator's municipality. */
import type { FastifyPluginAsync } from 'fastify';
import { effectiveThreshold } from '../../../shared/anonymity.ts';
import { resultsQuerySchema } from '../../../shared/coordinatorApi.ts';
import { HttpError } from '../../apiErrors.ts';
import { requireCoordinator } from '../../auth/guard.ts';
import type { AppContext } from '../../context.ts';
import { computeResults } from '../../results/computeResults.ts';
import { roundOf } from './rounds.ts';

export async function municipalityThreshold(ctx: AppContext, municipalityId: number): Promise<number> {
  const row = await ctx.db.kysely.selectFrom('municipalities').select('anonymity_threshold').where('id', '=', municipalityId).executeTakeFirstOrThrow();
  return effectiveThreshold(row.anonymity_threshold);
}

export const resultRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const db = ctx.db.kysely;
    app.get('/rounds/:id/results', async (request, reply) => {
      const user = await requireCoordinator(db, request);
      const round = await roundOf(db, user.municipalityId, request.params);
      const query = resultsQuerySchema.safeParse(request.query);
      if (!query.success) throw new HttpError(400, 'invalid-input');
      if (query.data.unitId !== undefined) {
        const unit = await db.selectFrom('round_units').select('unit_id').where('round_id', '=', round.id).where('unit_id', '=', query.data.unitId).executeTakeFirst();
        if (!unit) throw new HttpError(400, 'unknown-unit');
      }
      reply.header('Cache-Control', 'no-store');
      return computeResults({ db, cache: ctx.questionnaires, round, threshold: await municipalityThreshold(ctx, user.municipalityId), query: query.data });
    });
  };
