/**
 * Sign-in, sign-out and "who am I" for coordinators. Sign-in is limited per
 * address and per username in memory; a wrong username and a wrong password
 * get the same answer in about the same time.
 */
import type { FastifyPluginAsync } from 'fastify';
import { loginRequestSchema, type Me } from '../../../shared/coordinatorApi.ts';
import { HttpError } from '../../apiErrors.ts';
import { requireCoordinator, assertSameOrigin } from '../../auth/guard.ts';
import { RateLimiter } from '../../auth/rateLimit.ts';
import { createSession, destroySession } from '../../auth/sessions.ts';
import type { AppContext } from '../../context.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hashPassword, verifyPassword } from '../../password.ts';

const WINDOW_MS = 15 * 60_000;
// Verifying against a real hash keeps the timing of unknown usernames like known ones.
const dummyHash = hashPassword('not a real password, only for timing');

export async function me(db: Kysely<Database>, coordinatorId: number): Promise<Me> {
  const row = await db
    .selectFrom('coordinators')
    .innerJoin('municipalities', 'municipalities.id', 'coordinators.municipality_id')
    .select(['coordinators.username', 'coordinators.is_admin', 'municipalities.id', 'municipalities.name', 'municipalities.anonymity_threshold'])
    .where('coordinators.id', '=', coordinatorId)
    .executeTakeFirstOrThrow();
  return {
    username: row.username,
    isAdmin: row.is_admin === 1,
    municipality: { id: row.id, name: row.name, anonymityThreshold: row.anonymity_threshold },
  };
}

export const authRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const perAddress = new RateLimiter(20, WINDOW_MS);
    const perUsername = new RateLimiter(5, WINDOW_MS);
    const db = ctx.db.kysely;

    app.post('/login', async (request, reply) => {
      assertSameOrigin(request);
      const parsed = loginRequestSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      const username = parsed.data.username.toLowerCase();
      if (!perAddress.take(request.ip) || !perUsername.take(username)) {
        reply.header('Retry-After', String(WINDOW_MS / 1000));
        throw new HttpError(429, 'rate-limited');
      }
      const row = await db.selectFrom('coordinators').select(['id', 'password_hash']).where('username', '=', username).executeTakeFirst();
      const ok = await verifyPassword(parsed.data.password, row?.password_hash ?? (await dummyHash));
      if (!row || !ok) throw new HttpError(401, 'wrong-login');
      perUsername.reset(username);
      await createSession(db, reply, request, row.id);
      return me(db, row.id);
    });

    app.post('/logout', async (request, reply) => {
      assertSameOrigin(request);
      await destroySession(db, request, reply);
      return reply.status(204).send();
    });

    app.get('/me', async (request) => {
      const user = await requireCoordinator(db, request);
      return me(db, user.coordinatorId);
    });
  };
