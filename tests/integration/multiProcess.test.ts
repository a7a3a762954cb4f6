/**
 * Three server processes on one fresh PostgreSQL database behind a small
 * round-robin proxy (written here, on loopback, setting X-Forwarded-For
 * like the README's nginx example), as a municipality with many users runs
 * it. 200 simulated tablets, each from an address of its own, send one
 * response each, half of them twice, retrying on 5xx and lost connections
 * like the app's outbox; meanwhile one process is killed and started again
 * and the database terminates every connection twice. At the end every
 * acknowledged response is stored exactly once, and sign-in limits hold
 * across the three processes.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { SurveyResponseInput } from '../../src/shared/response.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TABLETS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** One HTTP exchange over loopback from a given local address; status 0 when the connection failed. */
function exchange(port: number, localAddress: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, localAddress, method, path, agent: false, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.setTimeout(20_000, () => req.destroy());
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(payload);
  });
}

/** A round-robin reverse proxy over the live backends; a backend that cannot be reached gives 502. */
function roundRobinProxy(backends: () => number[]): Promise<Server> {
  let next = 0;
  const server = createServer((incoming: IncomingMessage, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const ports = backends();
      const port = ports[next++ % ports.length]!;
      const headers = { ...incoming.headers, 'x-forwarded-for': incoming.socket.remoteAddress ?? '', 'x-forwarded-proto': 'http' };
      const upstream = request({ host: '127.0.0.1', port, method: incoming.method, path: incoming.url, headers, agent: false }, (res) => {
        outgoing.writeHead(res.statusCode ?? 502, res.headers);
        res.pipe(outgoing);
      });
      upstream.on('error', () => {
        if (!outgoing.headersSent) outgoing.writeHead(502).end();
        else outgoing.destroy();
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('three server processes on one PostgreSQL database behind a proxy', () => {
  let database: TestDatabase | undefined;
  const servers: ServerProcess[] = [];
  let proxy: Server | undefined;
  afterAll(async () => {
    proxy?.close();
    for (const server of servers) await server.stop();
    await database?.drop();
  });

  it('stores every acknowledged response exactly once through a killed process and terminated connections, and limits across all three', async () => {
    database = await freshDatabase('postgres');
    const env = { TRUST_PROXY: 'loopback', LOG_LEVEL: 'warn' };
    // The first process migrates and seeds the demo round; the other two join the prepared database.
    const first = await startServerProcess(database.config, env);
    servers.push(first, ...(await Promise.all([startServerProcess(database.config, env), startServerProcess(database.config, env)])));
    const code = first.demo!.tabletCode;
    const ports = () => servers.filter((s) => s.isRunning()).map((s) => Number(new URL(s.url).port));
    proxy = await roundRobinProxy(ports);
    const proxyPort = (proxy.address() as AddressInfo).port;

    const acknowledged = new Set<string>();
    const statuses = new Map<number, number>();
    async function send(address: string, response: SurveyResponseInput): Promise<void> {
      for (let attempt = 0; ; attempt++) {
        const answer = await exchange(proxyPort, address, 'POST', '/api/v1/responses', { responses: [response] });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 200) {
          for (const id of (JSON.parse(answer.body) as { acknowledged: string[] }).acknowledged) acknowledged.add(id);
          return;
        }
        // Like the outbox: a 4xx is never retried (and must not happen here); 5xx and lost connections are.
        if (answer.status >= 400 && answer.status < 500) throw new Error(`tablet ${address} got ${answer.status}: ${answer.body}`);
        if (attempt > 60) throw new Error(`tablet ${address} never got its response acknowledged`);
        await sleep(100 + Math.random() * 200);
      }
    }
    async function tablet(i: number): Promise<void> {
      const address = `127.0.${1 + Math.floor(i / 250)}.${2 + (i % 250)}`;
      await sleep(Math.random() * 3000);
      const response: SurveyResponseInput = {
        id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: 'nb', roundCode: code, unitId: null, answeredBy: 'alone',
        answers: { 'bolig-trives': i % 2 ? 'ja' : 'nei', 'helhet-fornoyd': 'ja' }, comments: {}, completion: 'finished', completedOn: new Date().toISOString().slice(0, 10),
      };
      await send(address, response);
      // Half of the tablets send it again (the acknowledgement was lost): stored once all the same.
      if (i % 2 === 0) await send(address, response);
    }

    const dbName = new URL(database.config.databaseUrl!).pathname.slice(1);
    async function terminateConnections(): Promise<number> {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      try {
        return (await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName])).rowCount ?? 0;
      } finally {
        await admin.end();
      }
    }
    const faults = (async () => {
      await sleep(700);
      const terminatedFirst = await terminateConnections();
      // Kill the second process outright and start it again on the same database.
      await sleep(500);
      servers[1]!.child.kill('SIGKILL');
      await sleep(300);
      servers[1] = await startServerProcess(database!.config, env);
      const terminatedSecond = await terminateConnections();
      return terminatedFirst + terminatedSecond;
    })();
    await Promise.all(Array.from({ length: TABLETS }, (_, i) => tablet(i)));
    const terminated = await faults;

    expect(terminated).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(TABLETS);
    const client = new pg.Client({ connectionString: database.config.databaseUrl! });
    await client.connect();
    try {
      const rows = (await client.query<{ id: string; n: number }>('select id, count(*)::int as n from responses group by id')).rows;
      expect(rows.length).toBe(TABLETS);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      expect(new Set(rows.map((r) => r.id))).toEqual(acknowledged);
      const summed = (await client.query<{ n: number }>('select coalesce(sum(responses), 0)::int as n from summary_cells')).rows[0]!.n;
      expect(summed).toBe(TABLETS);
    } finally {
      await client.end();
    }
    expect(servers.every((s) => s.isRunning())).toBe(true);

    // Sign-in limits are counted by all three together: five wrong passwords spread over the
    // processes by the proxy, and the sixth attempt waits, whichever process it reaches.
    const username = first.demo!.username;
    const login = (password: string) => exchange(proxyPort, '127.0.9.9', 'POST', '/api/v1/coordinator/login', { username, password }, { origin: `http://127.0.0.1:${proxyPort}` });
    for (let i = 0; i < 5; i++) expect((await login(`feil passord nummer ${i}`)).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await login(first.demo!.password)).status).toBe(429);
  }, 120_000);
});
