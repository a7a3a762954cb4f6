/**
 * A server process whose PostgreSQL connections are terminated while
 * tablets send (pg_terminate_backend, what a database restart or a
 * failover does): the requests that used them fail with a 5xx the tablets
 * retry, the process carries on, and every acknowledged response is
 * stored once. And a server started before its database exists waits for
 * it instead of exiting.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { SurveyResponseInput } from '../../src/shared/response.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';
import { launchServerProcess, startServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { waitUntil } from '../support/waitUntil.ts';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function respondent(roundCode: string): SurveyResponseInput {
  return {
    id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: 'nb', roundCode, unitId: null, answeredBy: 'alone',
    answers: { 'bolig-trives': 'ja', 'bolig-lei': 'nei', 'helhet-fornoyd': 'ja' }, comments: {}, completion: 'finished', completedOn: new Date().toISOString().slice(0, 10),
  };
}

async function adminQuery<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL connections terminated under load', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('fails only the requests that used them (5xx), and the process carries on', async () => {
    const database = await freshDatabase('postgres');
    cleanup.push(() => database.drop());
    const server: ServerProcess = await startServerProcess(database.config);
    cleanup.push(() => server.stop());
    const code = server.demo!.tabletCode;
    const dbName = new URL(database.config.databaseUrl!).pathname.slice(1);

    const acknowledged: string[] = [];
    const statuses = new Map<number | string, number>();
    let sending = true;
    async function tablet(): Promise<void> {
      while (sending) {
        const batch = [respondent(code), respondent(code)];
        try {
          const post = await fetch(`${server.url}/api/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ responses: batch }) });
          statuses.set(post.status, (statuses.get(post.status) ?? 0) + 1);
          if (post.status === 200) acknowledged.push(...((await post.json()) as { acknowledged: string[] }).acknowledged);
          const round = await fetch(`${server.url}/api/v1/rounds/${code}`);
          statuses.set(round.status, (statuses.get(round.status) ?? 0) + 1);
          await round.arrayBuffer();
        } catch {
          // The process is gone: counted below.
          statuses.set('no answer', (statuses.get('no answer') ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    }
    const tablets = Array.from({ length: 12 }, () => tablet());
    let terminated = 0;
    for (let round = 0; round < 10; round++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const rows = await adminQuery<{ pid: number }>(ADMIN_URL, 'select pg_terminate_backend(pid) as pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);
      terminated += rows.length;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    sending = false;
    await Promise.all(tablets);

    expect(terminated).toBeGreaterThan(0);
    expect(server.isRunning(), `the server process exited; statuses ${JSON.stringify([...statuses])}\n${server.output().slice(-3000)}`).toBe(true);
    // Only answers a tablet retries: success or a server error, never a 4xx that would drop a response.
    for (const status of statuses.keys()) expect(status === 200 || (typeof status === 'number' && status >= 500), `status ${status}`).toBe(true);
    const health = await waitUntil(() => fetch(`${server.url}/api/v1/health`).then((r) => r.status), (s) => s === 200, 30_000, 'health after the terminations');
    expect(health).toBe(200);
    const stored = await adminQuery<{ id: string }>(database.config.databaseUrl!, 'select id from responses');
    const storedIds = new Set(stored.map((r) => r.id));
    expect(stored.length).toBe(storedIds.size);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const id of acknowledged) expect(storedIds.has(id), `acknowledged ${id} is not stored`).toBe(true);
  }, 60_000);

  it('waits at start-up for a database that is not there yet, then serves', async () => {
    const database: TestDatabase = await freshDatabase('postgres');
    cleanup.push(() => database.drop());
    // The database is away when the server starts, and comes back once the server has tried it.
    const dbName = new URL(database.config.databaseUrl!).pathname.slice(1);
    await adminQuery(ADMIN_URL, `alter database ${dbName} rename to ${dbName}_later`);
    const launched = launchServerProcess(database.config);
    cleanup.push(() => launched.stop());
    await waitUntil(async () => launched.output().includes('waiting for the database') || !launched.isRunning(), Boolean, 30_000, 'the server to try the database');
    expect(launched.isRunning(), `the server exited instead of waiting:\n${launched.output().slice(-2000)}`).toBe(true);
    await adminQuery(ADMIN_URL, `alter database ${dbName}_later rename to ${dbName}`);
    const server = await launched.listening;
    expect(server.demo).not.toBeNull();
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  }, 60_000);
});
