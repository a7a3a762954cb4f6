/**
 * Protects the coordinator API: a state-changing request must come from
 * this site (Origin or Sec-Fetch-Site), and every request needs a signed-in
 * coordinator, whose municipality then scopes every query. Checked when the
 * request arrives, before its body is read (a 55 MiB upload from someone
 * signed out is refused unread); a coordinator whose password an admin
 * reset may only change it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { HttpError } from '../apiErrors.ts';
import type { Database } from '../db/schema.ts';
import { sessionAccount, type SessionAccount, type SessionUser } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CSRF: cookies are SameSite=Strict already; this refuses cross-site writes from older browsers too. */
export function assertSameOrigin(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') throw new HttpError(403, 'cross-site-request');
  const origin = request.headers.origin;
  if (origin === undefined) {
    // Browsers always send Origin on POST/PATCH/DELETE; tools without one must say they are same-origin.
    if (site !== 'same-origin' && site !== 'none') throw new HttpError(403, 'cross-site-request');
    return;
  }
  let same = false;
  try {
    const from = new URL(origin);
    // Parse the Host header with the origin's scheme so default ports compare equal.
    same = from.host === new URL(`${from.protocol}//${request.headers.host ?? ''}`).host;
  } catch {
    same = false;
  }
  if (!same) throw new HttpError(403, 'cross-site-request');
}

/** Routes that need no session (signing in and out). */
const OPEN_ROUTES = new Set(['/api/v1/coordinator/login', '/api/v1/coordinator/logout']);
/** What a coordinator who must change their password may still do; also all an operator may do here (their own account). */
const OWN_ACCOUNT = new Set(['/api/v1/coordinator/me', '/api/v1/coordinator/password']);

const checked = new WeakMap<FastifyRequest, SessionAccount>();

/** Any signed-in account, coordinator or operator (for its own account's routes). */
export async function requireAccount(db: Kysely<Database>, request: FastifyRequest): Promise<SessionAccount> {
  const known = checked.get(request);
  if (known) return known;
  assertSameOrigin(request);
  const user = await sessionAccount(db, request);
  if (!user) throw new HttpError(401, 'not-signed-in');
  if (user.mustChangePassword && !OWN_ACCOUNT.has(request.routeOptions.url ?? '')) throw new HttpError(403, 'password-change-required');
  checked.set(request, user);
  return user;
}

const isCoordinator = (account: SessionAccount): account is SessionUser => !account.isOperator && account.municipalityId !== null;

/** A coordinator of a municipality. An operator is refused: they never reach a municipality's rounds, results or media. */
export async function requireCoordinator(db: Kysely<Database>, request: FastifyRequest): Promise<SessionUser> {
  const account = await requireAccount(db, request);
  if (!isCoordinator(account)) throw new HttpError(403, 'operator-not-allowed');
  return account;
}

/** An operator of the deployment (src/server/routes/operator.ts). */
export async function requireOperator(db: Kysely<Database>, request: FastifyRequest): Promise<SessionAccount> {
  const account = await requireAccount(db, request);
  if (!account.isOperator) throw new HttpError(403, 'operator-only');
  return account;
}

/** On the coordinator routes: who is asking is checked before the body is read, and no answer is cached. */
export function guardCoordinatorRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const route = request.routeOptions.url ?? '';
    if (OPEN_ROUTES.has(route)) return;
    if (OWN_ACCOUNT.has(route)) await requireAccount(db, request);
    else await requireCoordinator(db, request);
  });
}

export async function requireAdmin(db: Kysely<Database>, request: FastifyRequest): Promise<SessionUser> {
  const user = await requireCoordinator(db, request);
  if (!user.isAdmin) throw new HttpError(403, 'admin-only');
  return user;
}
