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

export interface SessionUser {
  readonly coordinatorId: number;
  readonly username: string;
  readonly municipalityId: number;
  readonly isAdmin: boolean;
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

export async function sessionUser(db: Kysely<Database>, request: FastifyRequest): Promise<SessionUser | null> {
  const token = tokenOf(request);
  if (!token || token.length > 200) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('coordinators', 'coordinators.id', 'sessions.coordinator_id')
    .select(['coordinators.id', 'coordinators.username', 'coordinators.municipality_id', 'coordinators.is_admin', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', hash(token))
    .executeTakeFirst();
  if (!row || Number(row.expires_at) < Date.now()) return null;
  return { coordinatorId: row.id, username: row.username, municipalityId: row.municipality_id, isAdmin: row.is_admin === 1 };
}

export async function destroySession(db: Kysely<Database>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = tokenOf(request);
  if (token) await db.deleteFrom('sessions').where('token_hash', '=', hash(token)).execute();
  reply.clearCookie(SECURE_COOKIE, { path: '/' });
  reply.clearCookie(PLAIN_COOKIE, { path: '/' });
}
