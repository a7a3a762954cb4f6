/**
 * Errors the API returns: a stable code the client translates, and a
 * message in the caller's language (Accept-Language: nb, nn or en) from
 * the same locale files as the app.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import i18next from 'i18next';
import en from '../locales/en.json' with { type: 'json' };
import nb from '../locales/nb.json' with { type: 'json' };
import nn from '../locales/nn.json' with { type: 'json' };
import type { Problem } from '../shared/describeIssue.ts';
import type { ApiError } from '../shared/response.ts';

export type ApiErrorCode = keyof typeof nb.apiErrors;

const i18n = i18next.createInstance();
void i18n.init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
  lng: 'nb',
  fallbackLng: 'nb',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function requestLanguage(request: FastifyRequest): 'nb' | 'nn' | 'en' {
  const header = request.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('nn')) return 'nn';
    if (tag.startsWith('nb') || tag === 'no' || tag.startsWith('no-')) return 'nb';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nb';
}

/** Thrown inside a handler; the error handler turns it into the JSON shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly extra: { responseId?: string; details?: readonly Problem[] } = {},
  ) {
    super(code);
  }
}

export function errorBody(request: FastifyRequest, code: ApiErrorCode, extra: HttpError['extra'] = {}): ApiError {
  return {
    error: {
      code,
      message: i18n.t(`apiErrors.${code}`, { lng: requestLanguage(request) }),
      ...(extra.responseId ? { responseId: extra.responseId } : {}),
      ...(extra.details ? { details: extra.details.map((d) => ({ path: d.path, message: d.message })) } : {}),
    },
  };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: HttpError): FastifyReply {
  return reply.status(error.status).send(errorBody(request, error.code, error.extra));
}
