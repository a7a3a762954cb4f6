/**
 * The operator's API (/api/v1/operator): the municipalities of the
 * deployment with their activity, and creating one with its first admin.
 * Only operators; an operator reaches no coordinator route but their own
 * account's (src/server/auth/guard.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { newMunicipalitySchema, type CreatedMunicipality } from '../../shared/coordinatorApi.ts';
import { HttpError } from '../apiErrors.ts';
import { requireOperator } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { createMunicipalityWithAdmin, operatorMunicipalities } from '../municipalities.ts';

export const operatorRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const db = ctx.db.kysely;
    app.addHook('onRequest', async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      await requireOperator(db, request);
    });

    app.get('/municipalities', async () => operatorMunicipalities(db));

    app.post('/municipalities', async (request, reply): Promise<CreatedMunicipality> => {
      const parsed = newMunicipalitySchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      const created = await createMunicipalityWithAdmin(db, parsed.data.name, parsed.data.adminUsername);
      request.log.info('municipality created by an operator');
      return reply.status(201).send(created);
    });
  };
