/**
 * Sign-in, sign-out, "who am I" and changing one's own password for
 * coordinators. Sign-in is limited in the database, so every server
 * process counts together (src/server/auth/limits.ts): wrong passwords per
 * address, and per username a growing delay rather than a lockout. A wrong
 * username and a wrong password get the same answer in about the same time.
 * Logged without the username, the password or the address.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { loginRequestSchema, passwordChangeSchema, type Account, type Me } from '../../../shared/coordinatorApi.ts';
import { HttpError } from '../../apiErrors.ts';
import { assertSameOrigin, requireAccount } from '../../auth/guard.ts';
import { limitsOf, type Verdict } from '../../auth/limits.ts';
import { createSession, destroySession, endSessionsOf } from '../../auth/sessions.ts';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../../password.ts';

/** Wrong passwords from one address in a quarter of an hour, whatever the usernames. */
const FAILURES_PER_ADDRESS = 20;
const ADDRESS_WINDOW_MS = 15 * 60_000;
// Verifying against a real hash keeps the timing of unknown usernames like known ones.
const dummyHash = hashPassword('not a real password, only for timing');

/** Who is signed in: a coordinator with their municipality, or an operator (no municipality). */
export async function account(db: Kysely<Database>, coordinatorId: number): Promise<Account> {
  const row = await db.selectFrom('coordinators').select(['username', 'is_operator', 'must_change_password']).where('id', '=', coordinatorId).executeTakeFirstOrThrow();
  if (row.is_operator === 1) return { username: row.username, operator: true, mustChangePassword: row.must_change_password === 1 };
  return me(db, coordinatorId);
}

export async function me(db: Kysely<Database>, coordinatorId: number): Promise<Me> {
  const row = await db
    .selectFrom('coordinators')
    .innerJoin('municipalities', 'municipalities.id', 'coordinators.municipality_id')
    .select(['coordinators.username', 'coordinators.is_admin', 'coordinators.must_change_password', 'municipalities.id', 'municipalities.name', 'municipalities.anonymity_threshold', 'municipalities.shares_comparison', 'municipalities.username_suffix'])
    .where('coordinators.id', '=', coordinatorId)
    .executeTakeFirstOrThrow();
  return {
    username: row.username,
    isAdmin: row.is_admin === 1,
    mustChangePassword: row.must_change_password === 1,
    municipality: { id: row.id, name: row.name, anonymityThreshold: row.anonymity_threshold, sharesComparison: row.shares_comparison === 1, usernameSuffix: row.username_suffix ?? '' },
  };
}

function refuse(reply: FastifyReply, verdict: Verdict): never {
  reply.header('Retry-After', String(verdict.retryAfter));
  throw new HttpError(429, 'rate-limited');
}

export const authRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const db = ctx.db.kysely;
    const limits = limitsOf(db);
    const failuresPerAddress = ctx.limits?.signInFailuresPerAddress ?? FAILURES_PER_ADDRESS;

    /** Checks a password of `username` under the limits; the row when right. */
    async function checkPassword(request: FastifyRequest, reply: FastifyReply, username: string, password: string) {
      const byAddress = await limits.check('sign-in-address', request.ip, failuresPerAddress);
      if (!byAddress.allowed) {
        request.log.warn('sign-in refused: too many failures from one address');
        refuse(reply, byAddress);
      }
      const byUser = await limits.signInAttempt(username);
      if (!byUser.allowed) {
        request.log.warn({ retryAfter: byUser.retryAfter }, 'sign-in delayed');
        refuse(reply, byUser);
      }
      const row = await db.selectFrom('coordinators').select(['id', 'password_hash', 'disabled']).where('username', '=', username).executeTakeFirst();
      const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash));
      if (!row || !ok || row.disabled === 1) {
        await limits.hit('sign-in-address', request.ip, failuresPerAddress, ADDRESS_WINDOW_MS);
        await limits.signInFailed(username);
        request.log.info('sign-in failed');
        return null;
      }
      await limits.signInSucceeded(username);
      return row;
    }

    app.post('/login', async (request, reply) => {
      assertSameOrigin(request);
      const parsed = loginRequestSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      const row = await checkPassword(request, reply, parsed.data.username.toLowerCase(), parsed.data.password);
      if (!row) throw new HttpError(401, 'wrong-login');
      await createSession(db, reply, request, row.id);
      request.log.info('signed in');
      return account(db, row.id);
    });

    app.post('/logout', async (request, reply) => {
      assertSameOrigin(request);
      await destroySession(db, request, reply);
      return reply.status(204).send();
    });

    app.get('/me', async (request) => {
      const user = await requireAccount(db, request);
      return account(db, user.coordinatorId);
    });

    // One's own password: the current one first (under the same limits as sign-in), then a new one
    // that is long enough and not a common password. Other sessions of the account end.
    app.post('/password', async (request, reply) => {
      const user = await requireAccount(db, request);
      const parsed = passwordChangeSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      assertAcceptablePassword(parsed.data.newPassword, user.username);
      if (!(await checkPassword(request, reply, user.username, parsed.data.currentPassword))) throw new HttpError(400, 'wrong-password');
      await db
        .updateTable('coordinators')
        .set({ password_hash: await hashPassword(parsed.data.newPassword), must_change_password: 0 })
        .where('id', '=', user.coordinatorId)
        .execute();
      await endSessionsOf(db, user.coordinatorId, request);
      request.log.info('password changed');
      return reply.status(204).send();
    });
  };
