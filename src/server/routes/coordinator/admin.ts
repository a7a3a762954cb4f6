/**
 * What an admin manages for their own municipality: coordinators (create,
 * reset a password, disable), units and the anonymity threshold. Every
 * coordinator sees the units; only admins change them. Every query is
 * scoped to the signed-in coordinator's municipality.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { MIN_ANONYMITY_THRESHOLD } from '../../../shared/anonymity.ts';
import { coordinatorUpdateSchema, dbIdSchema, municipalityUpdateSchema, newCoordinatorSchema, unitInputSchema, type CoordinatorInfo, type PasswordReset } from '../../../shared/coordinatorApi.ts';
import { HttpError } from '../../apiErrors.ts';
import { requireAdmin, requireCoordinator } from '../../auth/guard.ts';
import type { AppContext } from '../../context.ts';
import { endSessionsOf } from '../../auth/sessions.ts';
import { assertAcceptablePassword, hashPassword, randomPassword } from '../../password.ts';
import { me } from './auth.ts';
import { withSuffix } from '../../../shared/usernames.ts';

const idParam = z.object({ id: dbIdSchema });

const coordinatorInfo = (row: { id: number; username: string; is_admin: number; disabled: number }): CoordinatorInfo => ({
  id: row.id,
  username: row.username,
  isAdmin: row.is_admin === 1,
  disabled: row.disabled === 1,
});

export const adminRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const db = ctx.db.kysely;

    app.get('/units', async (request) => {
      const user = await requireCoordinator(db, request);
      return db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', user.municipalityId).orderBy('name').execute();
    });

    app.post('/units', async (request, reply) => {
      const user = await requireAdmin(db, request);
      const parsed = unitInputSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      const clash = await db.selectFrom('units').select('id').where('municipality_id', '=', user.municipalityId).where('name', '=', parsed.data.name).executeTakeFirst();
      if (clash) throw new HttpError(409, 'unit-exists');
      const row = await db.insertInto('units').values({ municipality_id: user.municipalityId, name: parsed.data.name }).returning(['id', 'name']).executeTakeFirstOrThrow();
      return reply.status(201).send(row);
    });

    app.patch('/units/:id', async (request) => {
      const user = await requireAdmin(db, request);
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
      const rows = await db.selectFrom('coordinators').select(['id', 'username', 'is_admin', 'disabled']).where('municipality_id', '=', user.municipalityId).orderBy('username').execute();
      return rows.map(coordinatorInfo);
    });

    /** A colleague in the admin's own municipality, or 404 (another municipality's ids are not confirmed). */
    async function colleague(municipalityId: number, params: unknown) {
      const parsed = idParam.safeParse(params);
      if (!parsed.success) throw new HttpError(404, 'not-found');
      const row = await db.selectFrom('coordinators').select(['id', 'username', 'is_admin', 'disabled']).where('id', '=', parsed.data.id).where('municipality_id', '=', municipalityId).executeTakeFirst();
      if (!row) throw new HttpError(404, 'not-found');
      return row;
    }

    // A one-time password, shown to the admin once: the colleague's sessions end, and the first thing
    // they can do after signing in with it is choose their own.
    app.post('/coordinators/:id/reset-password', async (request): Promise<PasswordReset> => {
      const user = await requireAdmin(db, request);
      const row = await colleague(user.municipalityId, request.params);
      const password = randomPassword();
      await db.updateTable('coordinators').set({ password_hash: await hashPassword(password), must_change_password: 1 }).where('id', '=', row.id).execute();
      await endSessionsOf(db, row.id);
      request.log.info('password reset by an admin');
      return { password };
    });

    // Disabling ends the account's sessions and refuses its sign-in; an admin cannot lock themselves out.
    app.patch('/coordinators/:id', async (request): Promise<CoordinatorInfo> => {
      const user = await requireAdmin(db, request);
      const parsed = coordinatorUpdateSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      const row = await colleague(user.municipalityId, request.params);
      if (row.id === user.coordinatorId) throw new HttpError(400, 'cannot-disable-self');
      await db.updateTable('coordinators').set({ disabled: parsed.data.disabled ? 1 : 0 }).where('id', '=', row.id).execute();
      if (parsed.data.disabled) await endSessionsOf(db, row.id);
      request.log.info({ disabled: parsed.data.disabled }, 'account changed by an admin');
      return coordinatorInfo({ ...row, disabled: parsed.data.disabled ? 1 : 0 });
    });

    app.post('/coordinators', async (request, reply) => {
      const user = await requireAdmin(db, request);
      const body = request.body as { password?: unknown; username?: unknown } | null;
      if (typeof body?.password === 'string') assertAcceptablePassword(body.password, typeof body.username === 'string' ? body.username : '');
      const parsed = newCoordinatorSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      // In the municipality's own namespace: "taken" can only mean a colleague here (src/shared/usernames.ts).
      const { username_suffix } = await db.selectFrom('municipalities').select('username_suffix').where('id', '=', user.municipalityId).executeTakeFirstOrThrow();
      const username = withSuffix(parsed.data.username.toLowerCase(), username_suffix!);
      if (username.length > 150) throw new HttpError(400, 'invalid-input');
      const taken = await db.selectFrom('coordinators').select('id').where('username', '=', username).executeTakeFirst();
      if (taken) throw new HttpError(409, 'username-taken');
      const row = await db
        .insertInto('coordinators')
        .values({ municipality_id: user.municipalityId, username, password_hash: await hashPassword(parsed.data.password), is_admin: parsed.data.isAdmin ? 1 : 0 })
        .returning(['id', 'username', 'is_admin', 'disabled'])
        .executeTakeFirstOrThrow();
      return reply.status(201).send(coordinatorInfo(row));
    });

    app.patch('/municipality', async (request) => {
      const user = await requireAdmin(db, request);
      const parsed = municipalityUpdateSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      const { anonymityThreshold, sharesComparison } = parsed.data;
      if (anonymityThreshold !== undefined && anonymityThreshold < MIN_ANONYMITY_THRESHOLD) throw new HttpError(400, 'threshold-too-low');
      if (anonymityThreshold !== undefined) await db.updateTable('municipalities').set({ anonymity_threshold: anonymityThreshold }).where('id', '=', user.municipalityId).execute();
      // Opting in or out counts from the next comparison made; one already made stays as it was (src/server/comparison).
      if (sharesComparison !== undefined) {
        await db.updateTable('municipalities').set({ shares_comparison: sharesComparison ? 1 : 0 }).where('id', '=', user.municipalityId).execute();
        request.log.info({ sharesComparison }, 'comparison sharing changed by an admin');
      }
      return (await me(db, user.coordinatorId)).municipality;
    });
  };
