/**
 * What an admin manages for their own municipality: coordinators, units and
 * the anonymity threshold. Every query is scoped to the signed-in
 * coordinator's municipality.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { MIN_ANONYMITY_THRESHOLD } from '../../../shared/anonymity.ts';
import { newCoordinatorSchema, unitInputSchema } from '../../../shared/coordinatorApi.ts';
import { HttpError } from '../../apiErrors.ts';
import { requireAdmin, requireCoordinator } from '../../auth/guard.ts';
import type { AppContext } from '../../context.ts';
import { hashPassword } from '../../password.ts';
import { me } from './auth.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });

export const adminRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const db = ctx.db.kysely;

    app.get('/units', async (request) => {
      const user = await requireCoordinator(db, request);
      return db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', user.municipalityId).orderBy('name').execute();
    });

    app.post('/units', async (request, reply) => {
      const user = await requireCoordinator(db, request);
      const parsed = unitInputSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      const clash = await db.selectFrom('units').select('id').where('municipality_id', '=', user.municipalityId).where('name', '=', parsed.data.name).executeTakeFirst();
      if (clash) throw new HttpError(409, 'unit-exists');
      const row = await db.insertInto('units').values({ municipality_id: user.municipalityId, name: parsed.data.name }).returning(['id', 'name']).executeTakeFirstOrThrow();
      return reply.status(201).send(row);
    });

    app.patch('/units/:id', async (request) => {
      const user = await requireCoordinator(db, request);
      const params = idParam.safeParse(request.params);
      const parsed = unitInputSchema.safeParse(request.body);
      if (!params.success || !parsed.success) throw new HttpError(400, 'invalid-input');
      const clash = await db
        .selectFrom('units')
        .select('id')
        .where('municipality_id', '=', user.municipalityId)
        .where('name', '=', parsed.data.name)
        .where('id', '!=', params.data.id)
        .executeTakeFirst();
      if (clash) throw new HttpError(409, 'unit-exists');
      const row = await db
        .updateTable('units')
        .set({ name: parsed.data.name })
        .where('id', '=', params.data.id)
        .where('municipality_id', '=', user.municipalityId)
        .returning(['id', 'name'])
        .executeTakeFirst();
      if (!row) throw new HttpError(404, 'not-found');
      return row;
    });

    app.get('/coordinators', async (request) => {
      const user = await requireAdmin(db, request);
      const rows = await db.selectFrom('coordinators').select(['id', 'username', 'is_admin']).where('municipality_id', '=', user.municipalityId).orderBy('username').execute();
      return rows.map((r) => ({ id: r.id, username: r.username, isAdmin: r.is_admin === 1 }));
    });

    app.post('/coordinators', async (request, reply) => {
      const user = await requireAdmin(db, request);
      const body = request.body as { password?: unknown } | null;
      if (typeof body?.password === 'string' && body.password.length < 12) throw new HttpError(400, 'password-too-short');
      const parsed = newCoordinatorSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      const username = parsed.data.username.toLowerCase();
      const taken = await db.selectFrom('coordinators').select('id').where('username', '=', username).executeTakeFirst();
      if (taken) throw new HttpError(409, 'username-taken');
      const row = await db
        .insertInto('coordinators')
        .values({ municipality_id: user.municipalityId, username, password_hash: await hashPassword(parsed.data.password), is_admin: parsed.data.isAdmin ? 1 : 0 })
        .returning(['id', 'username', 'is_admin'])
        .executeTakeFirstOrThrow();
      return reply.status(201).send({ id: row.id, username: row.username, isAdmin: row.is_admin === 1 });
    });

    app.patch('/municipality', async (request) => {
      const user = await requireAdmin(db, request);
      const parsed = z.strictObject({ anonymityThreshold: z.int().max(1000) }).safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      if (parsed.data.anonymityThreshold < MIN_ANONYMITY_THRESHOLD) throw new HttpError(400, 'threshold-too-low');
      await db.updateTable('municipalities').set({ anonymity_threshold: parsed.data.anonymityThreshold }).where('id', '=', user.municipalityId).execute();
      return (await me(db, user.coordinatorId)).municipality;
    });
  };
