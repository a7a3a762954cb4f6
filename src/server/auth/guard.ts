/**
 * Protects the coordinator API: a state-changing request must come from
 * this site (Origin or Sec-Fetch-Site), and every request needs a signed-in
 * coordinator, whose municipality then scopes every query.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { HttpError } from '../apiErrors.ts';
import type { Database } from '../db/schema.ts';
import { sessionUser, type SessionUser } from './sessions.ts';

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

export async function requireCoordinator(db: Kysely<Database>, request: FastifyRequest): Promise<SessionUser> {
  assertSameOrigin(request);
  const user = await sessionUser(db, request);
  if (!user) throw new HttpError(401, 'not-signed-in');
  return user;
}

export async function requireAdmin(db: Kysely<Database>, request: FastifyRequest): Promise<SessionUser> {
  const user = await requireCoordinator(db, request);
  if (!user.isAdmin) throw new HttpError(403, 'admin-only');
  return user;
}
