/**
 * What an operator finds in the logs of a real server process (Fastify's
 * own structured logger, one JSON object a line): start-up, failed
 * sign-ins, the delay after a run of them, refused submissions, with the
 * request's method, path and status; never the client's address, a round
 * code, a password, a username typed at sign-in or an answer's text. And
 * the data folder and SQLite file are readable by the server's user only.
 */
import { randomUUID } from 'node:crypto';
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { waitUntil } from '../support/waitUntil.ts';

const CLIENT_ADDRESS = '203.0.113.77';
const SECRET_PASSWORD = 'hemmelig-passord-som-aldri-logges';
const SECRET_COMMENT = 'Kommentartekst som aldri skal i loggen';

describe('logs of a server process', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('records start-up, sign-in failures, delays and refusals without addresses, codes, passwords or answers', async () => {
    database = await freshDatabase('sqlite');
    const dataDir = join(database.config.dataDir, 'data');
    server = await startServerProcess({ ...database.config, dataDir }, { TRUST_PROXY: 'loopback' });
    const demo = server.demo!;
    const headers = { 'content-type': 'application/json', origin: server.url, 'x-forwarded-for': CLIENT_ADDRESS, 'x-forwarded-proto': 'https' };
    for (let i = 0; i < 6; i++) {
      await fetch(`${server.url}/api/v1/coordinator/login`, { method: 'POST', headers, body: JSON.stringify({ username: demo.username, password: `${SECRET_PASSWORD}${i}` }) });
    }
    await fetch(`${server.url}/api/v1/rounds/${demo.tabletCode}`, { headers });
    await fetch(`${server.url}/api/v1/rounds/UKJENTKODE1`, { headers });
    const refused = {
      id: randomUUID(), questionnaireId: 'eksempel-parorende', questionnaireVersion: 1, audience: 'relative', language: 'nb', roundCode: demo.relativeCode, unitId: null, answeredBy: null,
      answers: { relasjon: 'ikke-et-svar' }, comments: { bolig: SECRET_COMMENT }, completion: 'finished', completedOn: new Date().toISOString().slice(0, 10),
    };
    expect((await fetch(`${server.url}/api/v1/responses`, { method: 'POST', headers, body: JSON.stringify({ responses: [refused] }) })).status).toBe(400);

    const lines = await waitUntil(
      async () => server.output().split('\n').filter((line) => line.startsWith('{')),
      (found) => found.some((l) => l.includes('submission refused')),
      10_000,
      'the refused submission in the log',
    );
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const messages = entries.map((e) => String(e.msg));
    expect(messages).toContain('server started');
    expect(messages.filter((m) => m === 'sign-in failed').length).toBe(5);
    expect(messages).toContain('sign-in delayed');
    expect(messages).toContain('submission refused');
    const refusal = entries.find((e) => e.msg === 'submission refused')!;
    expect(refusal.errorCode).toBe('invalid-answers');
    expect(entries.filter((e) => e.msg === 'request completed').every((e) => typeof (e.res as { statusCode?: unknown }).statusCode === 'number')).toBe(true);
    // Where a request went is its route, never the code in it.
    const incoming = entries.filter((e) => e.msg === 'incoming request').map((e) => e.req as { method: string; url: string });
    expect(incoming).toContainEqual({ method: 'GET', url: '/api/v1/rounds/:code' });
    expect(incoming).toContainEqual({ method: 'POST', url: '/api/v1/coordinator/login' });

    // Everything the process wrote but the test's own line about the demo round.
    const all = server.output().split('\n').filter((line) => !line.startsWith('DEMO ')).join('\n');
    for (const secret of [CLIENT_ADDRESS, SECRET_PASSWORD, SECRET_COMMENT, demo.tabletCode, demo.relativeCode, 'UKJENTKODE1', demo.username]) {
      expect(all, `the log holds ${secret}`).not.toContain(secret);
    }
    expect(all).not.toMatch(/remoteAddress|"ip"/);

    // Readable by the server's user only.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const file of readdirSync(dataDir)) expect(statSync(join(dataDir, file)).mode & 0o777, file).toBe(0o600);
  });
});
