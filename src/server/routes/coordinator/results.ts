/** GET /rounds/:id/results: the newest release of a round's results, through its disclosure control (409 before the first). */
import type { FastifyPluginAsync } from 'fastify';
import { resultsQuerySchema } from '../../../shared/coordinatorApi.ts';
import { HttpError } from '../../apiErrors.ts';
import { requireCoordinator } from '../../auth/guard.ts';
import type { AppContext } from '../../context.ts';
import { municipalityThreshold } from '../../municipalityThreshold.ts';
import { computeResults } from '../../results/computeResults.ts';
import { releaseIfDue } from '../../results/releases.ts';
import { roundOf } from './rounds.ts';

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
      if (query.data.unitId !== undefined && query.data.answerMode !== undefined) throw new HttpError(400, 'filters-not-combinable');
      reply.header('Cache-Control', 'no-store');
      const threshold = await municipalityThreshold(ctx, user.municipalityId);
      await releaseIfDue(db, round, threshold);
      return computeResults({ db, cache: ctx.questionnaires, round, threshold, query: query.data });
    });
  };
