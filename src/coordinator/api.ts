/**
 * Talks to the server: JSON in and out, every answer parsed with its zod
 * schema from src/shared, and every failure thrown as an ApiFailure that
 * carries the server's code and its message in the page's language.
 */
import type { z } from 'zod';
import { apiErrorSchema } from '../shared/response.ts';
import i18next, { coordinatorLanguage, NS } from './i18n.ts';

export const API_BASE = '/api/v1/coordinator';

export interface FailureDetail {
  readonly path: string;
  readonly message: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly FailureDetail[] = [],
    readonly responseId?: string,
  ) {
    super(message);
  }
}

const signedOutListeners = new Set<() => void>();

/** Called when the server says the session has ended, so the app can show the sign-in page. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** A file sent as the raw request body, e.g. a recorded voice. */
export interface RawBody {
  readonly data: ArrayBuffer;
  readonly type: string;
}

/** Sends one request (a JSON body, or a file as it is); resolves with the parsed JSON body (undefined for 204), or throws ApiFailure. */
export async function requestJson(url: string, init: { method?: string; body?: unknown; file?: RawBody } = {}): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': coordinatorLanguage() };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.file) headers['Content-Type'] = init.file.type;
  const payload = init.file ? { body: init.file.data } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {};
  let response: Response;
  try {
    response = await fetch(url, { method: init.method ?? 'GET', headers, credentials: 'same-origin', ...payload });
  } catch {
    throw new ApiFailure(0, 'network', i18next.t('errors.network', { ns: NS }));
  }
  if (response.status === 204) return undefined;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body;
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) throw new ApiFailure(response.status, 'unreadable', i18next.t('errors.server', { ns: NS, status: response.status }));
  const { code, message, details, responseId } = parsed.data.error;
  if (response.status === 401 && code === 'not-signed-in') signedOutListeners.forEach((listener) => listener());
  throw new ApiFailure(response.status, code, message, details ?? [], responseId);
}

function parseWith<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiFailure(200, 'unreadable', i18next.t('errors.unreadable', { ns: NS }));
  return parsed.data;
}

/** GET a coordinator resource, e.g. apiGet('/rounds', z.array(roundSchema)). */
export async function apiGet<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
  return parseWith(schema, await requestJson(`${API_BASE}${path}`));
}

/** POST or PATCH a coordinator resource and parse the answer. */
export async function apiSend<S extends z.ZodType>(method: 'POST' | 'PATCH', path: string, body: unknown, schema: S): Promise<z.output<S>> {
  return parseWith(schema, await requestJson(`${API_BASE}${path}`, { method, body }));
}

/** PUT a file as the request body, e.g. a recorded voice, and parse the answer. */
export async function apiPutFile<S extends z.ZodType>(path: string, file: RawBody, schema: S): Promise<z.output<S>> {
  return parseWith(schema, await requestJson(`${API_BASE}${path}`, { method: 'PUT', file }));
}

/** DELETE a coordinator resource. */
export async function apiDelete(path: string): Promise<void> {
  await requestJson(`${API_BASE}${path}`, { method: 'DELETE' });
}

/** The code of any error thrown by the calls above: the server's code, or "unexpected". */
export function failureCode(error: unknown): string {
  return error instanceof ApiFailure ? error.code : 'unexpected';
}

/** The message to show for any error thrown by the calls above. */
export function failureMessage(error: unknown): string {
  return error instanceof ApiFailure ? error.message : i18next.t('errors.unexpected', { ns: NS });
}
