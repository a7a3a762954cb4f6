/**
 * Refuses NUL and the other control characters anywhere in a request: in
 * any key or text of a JSON body and in the URL. PostgreSQL cannot store
 * NUL in text (it failed with a 500, and a tablet retried for ever), and
 * none belongs in a survey or a name. Tab and line breaks are text.
 * Refused with 400 `control-characters`, naming where it was.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from './apiErrors.ts';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** In a URL every control character is refused, percent-encoded or not. */
const URL_CONTROL = /%(?:[01][0-9a-f]|7f)|[\u0000-\u001F\u007F]/i;

/** The JSON path of the first key or text holding a control character, or null. */
export function controlCharacterPath(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (CONTROL.test(item.value)) return item.path;
    } else if (Array.isArray(item.value)) {
      item.value.forEach((v, i) => stack.push({ value: v, path: `${item.path}[${i}]` }));
    } else if (item.value !== null && typeof item.value === 'object') {
      for (const [key, v] of Object.entries(item.value)) {
        const path = item.path === '' ? key : `${item.path}.${key}`;
        if (CONTROL.test(key)) return path;
        stack.push({ value: v, path });
      }
    }
  }
  return null;
}

export function refuseControlCharacters(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (URL_CONTROL.test(request.url)) throw new HttpError(400, 'control-characters', { details: [{ path: 'url', message: 'control character' }] });
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, String(body), (error, value) => {
      if (error) return done(error, undefined);
      const path = controlCharacterPath(value);
      if (path !== null) return done(new HttpError(400, 'control-characters', { details: [{ path, message: 'control character' }] }), undefined);
      done(null, value);
    });
  });
}
