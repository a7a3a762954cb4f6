/**
 * Coordinator sessions: a random token in an HttpOnly, SameSite=Strict
 * cookie (with the __Host- prefix over https); the database keeps only the
 * token's hash and an expiry.
 */
import { createHash, randomBytes } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export const SESSION_HOURS = 8;
const PLAIN_COOKIE = 'mst_session';
const SECURE_COOKIE = '__Host-mst_session';

/** Whoever holds a session: a coordinator of a municipality, or an operator of the deployment (no municipality). */
export interface SessionAccount {
  readonly coordinatorId: number;
  readonly username: string;
  readonly municipalityId: number | null;
  readonly isAdmin: boolean;
  /** An admin reset the password: nothing but changing it is allowed. */
  readonly mustChangePassword: boolean;
  readonly isOperator: boolean;
}

/** A coordinator: an account of a municipality, whose queries that municipality scopes. */
export interface SessionUser extends SessionAccount {
  readonly municipalityId: number;
  readonly isOperator: false;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export async function createSession(db: Kysely<Database>, reply: FastifyReply, request: FastifyRequest, coordinatorId: number): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = Date.now() + SESSION_HOURS * 3_600_000;
  await db.deleteFrom('sessions').where('expires_at', '<', Date.now()).execute();
  await db.insertInto('sessions').values({ token_hash: hash(token), coordinator_id: coordinatorId, expires_at: expiresAt }).execute();
  reply.setCookie(isHttps(request) ? SECURE_COOKIE : PLAIN_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isHttps(request),
    maxAge: SESSION_HOURS * 3600,
  });
}

function tokenOf(request: FastifyRequest): string | undefined {
  return request.cookies[SECURE_COOKIE] ?? request.cookies[PLAIN_COOKIE];
}

export async function sessionAccount(db: Kysely<Database>, request: FastifyRequest): Promise<SessionAccount | null> {
  const token = tokenOf(request);
  if (!token || token.length > 200) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('coordinators', 'coordinators.id', 'sessions.coordinator_id')
    .select(['coordinators.id', 'coordinators.username', 'coordinators.municipality_id', 'coordinators.is_admin', 'coordinators.disabled', 'coordinators.must_change_password', 'coordinators.is_operator', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', hash(token))
    .executeTakeFirst();
  if (!row || Number(row.expires_at) < Date.now() || row.disabled === 1) return null;
  return {
    coordinatorId: row.id,
    username: row.username,
    municipalityId: row.municipality_id,
    isAdmin: row.is_admin === 1,
    mustChangePassword: row.must_change_password === 1,
    isOperator: row.is_operator === 1,
  };
}

/** Ends every session of a coordinator (a disabled account, a reset password), or all but the caller's. */
export async function endSessionsOf(db: Kysely<Database>, coordinatorId: number, keep?: FastifyRequest): Promise<void> {
  const token = keep ? tokenOf(keep) : undefined;
  let query = db.deleteFrom('sessions').where('coordinator_id', '=', coordinatorId);
  if (token) query = query.where('token_hash', '!=', hash(token));
  await query.execute();
}

export async function destroySession(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = tokenOf(request);
  if (token) await db.deleteFrom('sessions').where('token_hash', '=', hash(token)).execute();
  // A __Host- cookie is only accepted (so only cleared) with Secure.
  reply.clearCookie(SECURE_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
  reply.clearCookie(PLAIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
}
