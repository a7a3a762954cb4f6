/**
 * Results and exports at national scale: 100,000 seeded responses across
 * 50 units and 3 rounds, then the time and peak memory of the results
 * computation (with and without a unit filter; it includes the two-voices
 * view and the trend) and of full CSV and XLSX exports fetched from a real
 * server in a process of its own on loopback, streamed to a counting sink,
 * with the server's memory growth at 25, 50, 75 and 100 % of the bytes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { Db } from '../../src/server/db/database.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { computeResults } from '../../src/server/results/computeResults.ts';
import { releaseIfDue } from '../../src/server/results/releases.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { ResultsQuery } from '../../src/shared/coordinatorApi.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { freshDatabase, type DatabaseKind, type TestDatabase } from '../support/databases.ts';
import type { Report } from './report.ts';
import { roundSizes, type Seeded } from './seed.ts';
import { measure, MiB, RssSampler, type RssSample } from './stats.ts';

const THRESHOLD = 5;

// A full garbage collection before each measurement, so RSS growth is the operation's own.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Seeds in a child process (same tsx loader), so the seeding's memory is not counted below. */
function seedInChild(kind: DatabaseKind, config: TestDatabase['config'], total: number): Promise<Seeded> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, join(import.meta.dirname, 'seedProcess.ts'), JSON.stringify({ kind, config, total })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (data: Buffer) => (out += data.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('SEEDED '));
      if (code !== 0 || !line) reject(new Error(`Seeding failed (exit ${code}): ${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice('SEEDED '.length)) as Seeded);
    });
  });
}

async function resultsFigures(report: Report, section: string, label: string, db: Db, seeded: Seeded): Promise<void> {
  const cache = new QuestionnaireCache(db.kysely);
  const round = await db.kysely.selectFrom('rounds').selectAll().where('id', '=', seeded.roundIds.at(-1)!).executeTakeFirstOrThrow();
  // Releases first (every round of the trend), timed apart: a coordinator's first visit after closing pays this once.
  gc();
  const released = await measure(async () => {
    for (const id of seeded.roundIds) {
      const r = await db.kysely.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await releaseIfDue(db.kysely, r, THRESHOLD);
    }
  });
  report.add(section, `${label} first release of ${seeded.roundIds.length} rounds: time`, released.ms / 1000, 's');
  const run = async (name: string, query: ResultsQuery) => {
    gc();
    const m = await measure(() => computeResults({ db: db.kysely, cache, round, threshold: THRESHOLD, query }));
    const results = m.result;
    report.add(section, `${label} results, ${name}: time`, m.ms / 1000, 's');
    report.add(section, `${label} results, ${name}: peak RSS growth`, (m.rssPeak - m.rssBefore) / MiB, 'MiB');
    return results;
  };
  // The first run also warms SQLite's page cache; the coordinator's first visit pays that too.
  const all = await run('whole round (themes, two voices, trend, units, questions)', {});
  if (all.groups.respondent.suppressed || all.trend.length !== 6 || all.twoVoices.length === 0) {
    throw new Error(`Unexpected results: ${JSON.stringify({ groups: all.groups, trend: all.trend.length, twoVoices: all.twoVoices.length })}`);
  }
  report.add(section, `${label} results: respondents / relatives in the round`, `${all.groups.respondent.n} / ${all.groups.relative.n}`, 'responses');
  await run('one unit', { unitId: seeded.unitIds[7]! });
}

interface Download {
  readonly bytes: number;
  readonly ms: number;
  /** Until the first byte of the body: the export computes the round's results first. */
  readonly firstByteMs: number;
  readonly rssBefore: number;
  readonly rssPeak: number;
  /** The server's RSS growth (highest sample so far) when 25, 50, 75 and 100 % of the bytes had arrived. */
  readonly at: { share: number; rssGrowth: number }[];
  /** The slowest answer to GET /api/v1/health, asked every 250 ms while the export ran: is the server still responsive? */
  readonly slowestHealthMs: number;
}

/** Asks /api/v1/health every 250 ms (one at a time) until stopped; returns the slowest answer's time. */
function watchHealth(origin: string): { stop(): Promise<number> } {
  let running = true;
  let slowest = 0;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await fetch(`${origin}/api/v1/health`).then((r) => r.arrayBuffer());
      slowest = Math.max(slowest, performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return slowest;
    },
  };
}

/** Streams a response body into a counter, noting when each byte count was reached, sampling the server's RSS. */
async function download(url: string, cookie: string, serverPid: number): Promise<Download> {
  const sampler = await RssSampler.start(50, serverPid);
  const health = watchHealth(new URL(url).origin);
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200 || !res.body) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  const progress: { at: number; bytes: number }[] = [];
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    progress.push({ at: performance.now(), bytes });
  }
  const ms = performance.now() - started;
  const slowestHealthMs = await health.stop();
  const samples: RssSample[] = await sampler.stop();
  const rssBefore = samples[0]!.rss;
  const rssAt = (time: number) => {
    let peak = rssBefore;
    for (const s of samples) if (s.at <= time) peak = Math.max(peak, s.rss);
    return peak;
  };
  const at = [0.25, 0.5, 0.75, 1].map((share) => {
    const reached = progress.find((p) => p.bytes >= share * bytes) ?? progress.at(-1)!;
    return { share, rssGrowth: rssAt(reached.at) - rssBefore };
  });
  return { bytes, ms, firstByteMs: (progress[0]?.at ?? started) - started, rssBefore, rssPeak: Math.max(...samples.map((s) => s.rss)), at, slowestHealthMs };
}

/** Starts serveProcess.ts on the seeded database and waits for its address. */
function startServerProcess(config: TestDatabase['config']): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, join(import.meta.dirname, 'serveProcess.ts'), JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (data: Buffer) => {
      out += data.toString();
      const match = /LISTENING (\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`The export server stopped (exit ${code}): ${out}`)));
  });
}

async function stopServerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function exportFigures(report: Report, section: string, label: string, config: TestDatabase['config'], seeded: Seeded): Promise<void> {
  const { url: origin, child } = await startServerProcess(config);
  try {
    const login = await fetch(`${origin}/api/v1/coordinator/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ username: seeded.username, password: seeded.password }),
    });
    if (login.status !== 200) throw new Error(`Sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0]!;
    const roundId = seeded.roundIds.at(-1)!;
    const exports = [
      ['CSV of the question table', 'export.csv?table=questions'],
      ['XLSX, every table', 'export.xlsx'],
    ] as const;
    for (const [name, path] of exports) {
      const d = await download(`${origin}/api/v1/coordinator/rounds/${roundId}/${path}`, cookie, child.pid!);
      report.add(section, `${label} export ${name}: time`, d.ms / 1000, 's');
      report.add(section, `${label} export ${name}: time to first byte`, d.firstByteMs / 1000, 's');
      report.add(section, `${label} export ${name}: size`, d.bytes / MiB, 'MiB');
      report.add(section, `${label} export ${name}: slowest /api/v1/health meanwhile`, d.slowestHealthMs / 1000, 's');
      report.add(section, `${label} export ${name}: server RSS before`, d.rssBefore / MiB, 'MiB');
      report.add(
        section,
        `${label} export ${name}: server RSS growth at 25/50/75/100 % of bytes`,
        d.at.map((a) => (a.rssGrowth / MiB).toFixed(0)).join(' / '),
        'MiB',
      );
    }
  } finally {
    await stopServerProcess(child);
  }
}

export async function benchScale(report: Report, questionnaires: readonly Questionnaire[], kind: DatabaseKind, total: number): Promise<void> {
  const section = 'scale';
  const label = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const test = await freshDatabase(kind);
  try {
    const t = performance.now();
    const seeded = await seedInChild(kind, test.config, total);
    const seedSeconds = (performance.now() - t) / 1000;
    console.log(`  ${label}: seeded ${seeded.responses} responses, ${seeded.answers} answers, ${seeded.comments} comments in ${seedSeconds.toFixed(1)} s`);
    report.add(section, `${label} seeded: responses / answers (${seeded.unitIds.length} units, rounds of ${roundSizes(total).join(' + ')})`, `${seeded.responses} / ${seeded.answers}`, 'rows');
    report.add(section, `${label} seeding time (bulk transactions, not the API)`, seedSeconds, 's');
    const db = await prepareDatabase(test.config, questionnaires);
    try {
      await resultsFigures(report, section, label, db, seeded);
      await exportFigures(report, section, label, test.config, seeded);
    } finally {
      await db.close();
    }
  } finally {
    await test.drop();
  }
}
