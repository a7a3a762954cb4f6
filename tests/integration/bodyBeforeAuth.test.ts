/**
 * Large bodies from someone who is not signed in are refused before they
 * are read: an anonymous media upload or emergency-file upload announcing
 * 55 MiB gets its 401 while the client has sent only the first kilobytes,
 * so such uploads cannot fill the server's memory.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/shared/response.ts';
import { useAppOnDatabase } from '../support/appOnDatabase.ts';

const BIG = 55 * 1024 * 1024;

/** Sends the headers and 64 KiB of a body announced as 55 MiB; resolves with the status the server answers meanwhile. */
function answerBeforeBody(port: number, path: string, method: string, contentType: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { 'content-type': contentType, 'content-length': String(BIG), origin: `http://127.0.0.1:${port}`, 'accept-language': 'en' } });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer to ${method} ${path} within 20 s while the body was held back: the server waits for the whole body before checking who sent it`));
    }, 20_000);
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(64 * 1024, 0x41));
  });
}

describe('authorization before the body', () => {
  const env = useAppOnDatabase('sqlite');

  it.each([
    ['PUT', '/api/v1/coordinator/media/eksempel/nb/video/question:bolig-trives', 'video/mp4'],
    ['POST', '/api/v1/coordinator/upload', 'application/json'],
  ])('answers an anonymous %s %s with 401 before reading its body', async (method, path, contentType) => {
    if (!env.app.server.listening) await env.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (env.app.server.address() as AddressInfo).port;
    const answer = await answerBeforeBody(port, path, method, contentType);
    expect(answer.status).toBe(401);
    expect(apiErrorSchema.parse(JSON.parse(answer.body)).error.code).toBe('not-signed-in');
  }, 30_000);
});
