/**
 * Results and exports at national scale, over HTTP: 100,000 responses
 * seeded in bulk (with the summary tables ingest would have kept) across
 * 50 units and 3 rounds, a real server in a process of its own, a
 * coordinator signed in. Times the results of the largest round (the
 * first call, which makes the releases, then repeated calls for the whole
 * round, one unit and one answer mode) and the CSV and XLSX exports (first
 * byte, total, the server's RSS growth at 25/50/75/100 % of the bytes),
 * while /api/v1/health is asked every 20 ms. Every time is also given as a
 * ratio to one plain scan of the answers table on the same database,
 * timed in the same run.
 */
import { Agent } from 'node:http';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Results } from '../../src/shared/coordinatorApi.ts';
import { freshDatabase, type DatabaseKind, type TestDatabase } from '../support/databases.ts';
import { runChild } from './children.ts';
import { get, HealthWatch, type HealthSummary } from './http.ts';
import { atMost, type Report, type Yardstick } from './report.ts';
import { roundSizes, type Seeded } from './seed.ts';
import { startServerProcess, signIn, type ServerProcess } from './server.ts';
import { median, MiB, percentile, RssSampler } from './stats.ts';

const REPEATS = Number(process.env.BENCH_RESULTS_REPEATS ?? 20);
const EXPORT_REPEATS = Number(process.env.BENCH_EXPORT_REPEATS ?? 10);
const RESULTS_TARGET_MS = 500;
const HEALTH_P99_TARGET_MS = 100;
const EXPORT_TARGET_S = 15;
const FIRST_BYTE_TARGET_S = 1;
const RSS_TARGET_MIB = 100;
/** "Flat": the server's RSS grows by at most this much between 25 % and 100 % of the bytes. */
const FLAT_MIB = 10;

/** One plain scan of the answers table, timed on the same database: the median of 3 after one untimed run. */
async function answersScan(kind: DatabaseKind, config: TestDatabase['config']): Promise<{ ms: number; rows: number }> {
  const query = 'select count(*) as n, sum(score) as s from answers';
  const times: number[] = [];
  let rows = 0;
  if (kind === 'sqlite') {
    const sqlite = new SQLite(`${config.dataDir}/min-stemme-teller.sqlite`, { readonly: true });
    try {
      const statement = sqlite.prepare(query);
      for (let i = 0; i < 4; i++) {
        const t = performance.now();
        rows = Number((statement.get() as { n: number }).n);
        if (i > 0) times.push(performance.now() - t);
      }
    } finally {
      sqlite.close();
    }
  } else {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      for (let i = 0; i < 4; i++) {
        const t = performance.now();
        rows = Number((await client.query<{ n: string }>(query)).rows[0]!.n);
        if (i > 0) times.push(performance.now() - t);
      }
    } finally {
      await client.end();
    }
  }
  return { ms: median(times), rows };
}

function healthFigures(report: Report, section: string, during: string, h: HealthSummary): void {
  report.add(section, `/api/v1/health during ${during}: p50 / max (${h.asked} asked, ${h.failed} failed)`, `${h.p50.toFixed(0)} / ${h.max.toFixed(0)}`, 'ms');
  report.add(section, `/api/v1/health during ${during}: p99`, h.p99, 'ms', { target: atMost(HEALTH_P99_TARGET_MS, `${HEALTH_P99_TARGET_MS} ms`) });
}

async function resultsFigures(report: Report, section: string, label: string, server: ServerProcess, cookie: string, seeded: Seeded, scan: Yardstick): Promise<void> {
  const agent = new Agent({ keepAlive: true });
  const roundId = seeded.roundIds.at(-1)!;
  const base = `${server.url}/api/v1/coordinator/rounds/${roundId}/results`;
  const call = async (query: string, keepBody = false) => {
    const r = await get(`${base}${query}`, { headers: { cookie }, agent, keepBody });
    if (r.status !== 200) throw new Error(`${base}${query}: ${r.status} ${r.body?.toString().slice(0, 500) ?? ''}`);
    return r;
  };
  const watching = async <T>(during: string, work: () => Promise<T>): Promise<T> => {
    const watch = await HealthWatch.start(server.url);
    try {
      return await work();
    } finally {
      const health = await watch.stop().catch((error: unknown) => {
        report.note(`${label}: the health watcher failed during ${during}: ${(error as Error).message}`);
        return undefined;
      });
      if (health) healthFigures(report, section, during, health);
    }
  };
  try {
    // The first call after seeding makes the releases of the round and of the rounds its trend shows, and audits its disclosure: paid once per round.
    const first = await watching(`${label} the first results call`, () => call('', true));
    const results = JSON.parse(first.body!.toString()) as Results;
    if (results.groups.respondent.suppressed || results.trend.length !== 6 || results.matrix.rows.length === 0) {
      throw new Error(`Unexpected results: ${JSON.stringify({ groups: results.groups, trend: results.trend.length, matrix: results.matrix.rows.length })}`);
    }
    report.add(section, `${label} results, first call after closing (makes ${seeded.roundIds.length} releases, audits disclosure)`, first.ms, 'ms', { yardstick: scan });
    report.add(section, `${label} results: respondents / relatives in the round`, `${results.groups.respondent.n} / ${results.groups.relative.n}`, 'responses');
    report.add(section, `${label} results, whole round: reply as sent (${first.encoding})`, first.wireBytes / 1024, 'KiB');
    const series = async (name: string, query: string) => {
      const times: number[] = [];
      for (let i = 0; i < REPEATS; i++) times.push((await call(query)).ms);
      const target = atMost(RESULTS_TARGET_MS, `${RESULTS_TARGET_MS} ms`);
      report.add(section, `${label} results, ${name}: median of ${REPEATS}`, median(times), 'ms', { yardstick: scan, target });
      report.add(section, `${label} results, ${name}: p95 of ${REPEATS}`, percentile(times, 95), 'ms', { yardstick: scan, target });
    };
    await watching(`${label} repeated results calls`, async () => {
      await series('whole round (themes, two voices, trend of 3 rounds, units, questions)', '');
      await series('one unit', `?unitId=${seeded.unitIds[7]!}`);
      await series('one answer mode (alone)', '?answerMode=alone');
    });
  } finally {
    agent.destroy();
  }
}

interface Download {
  readonly ms: number;
  readonly firstByteMs: number;
  readonly bytes: number;
  readonly encoding: string;
  readonly rssBefore: number;
  /** The server's RSS growth (highest sample so far) when 25, 50, 75 and 100 % of the bytes had arrived, MiB. */
  readonly growth: number[];
}

/** One export download, counted as sent, with the server's RSS sampled every 50 ms meanwhile. */
async function download(url: string, cookie: string, serverPid: number): Promise<Download> {
  const sampler = await RssSampler.start(50, serverPid);
  let d: Awaited<ReturnType<typeof get>>;
  let samples: Awaited<ReturnType<RssSampler['stop']>>;
  try {
    d = await get(url, { headers: { cookie }, progress: true });
  } finally {
    samples = await sampler.stop();
  }
  if (d.status !== 200) throw new Error(`${url}: ${d.status}`);
  const rssBefore = samples[0]!.rss;
  const rssAt = (time: number) => {
    let peak = rssBefore;
    for (const s of samples) if (s.at <= time) peak = Math.max(peak, s.rss);
    return peak;
  };
  const progress = d.progress!;
  const growth = [0.25, 0.5, 0.75, 1].map((share) => {
    const reached = progress.find((p) => p.bytes >= share * d.bodyBytes) ?? progress.at(-1)!;
    return (rssAt(reached.at) - rssBefore) / MiB;
  });
  return { ms: d.ms, firstByteMs: d.firstByteMs, bytes: d.bodyBytes, encoding: d.encoding, rssBefore, growth };
}

async function exportFigures(report: Report, section: string, label: string, server: ServerProcess, cookie: string, seeded: Seeded, scan: Yardstick): Promise<void> {
  const roundId = seeded.roundIds.at(-1)!;
  const exports = [
    ['CSV of the respondents\' question table', 'export.csv?table=questions-respondent'],
    ['XLSX, every table', 'export.xlsx'],
  ] as const;
  for (const [name, path] of exports) {
    // Repeated back to back, so the health checks meanwhile are enough for a p99.
    const watch = await HealthWatch.start(server.url);
    const runs: Download[] = [];
    try {
      for (let i = 0; i < EXPORT_REPEATS; i++) runs.push(await download(`${server.url}/api/v1/coordinator/rounds/${roundId}/${path}`, cookie, server.pid));
    } finally {
      const health = await watch.stop().catch((error: unknown) => {
        report.note(`${label}: the health watcher failed during the ${name} export: ${(error as Error).message}`);
        return undefined;
      });
      if (health) healthFigures(report, section, `${label} ${runs.length} ${name} exports back to back`, health);
    }
    const of = `${EXPORT_REPEATS} back to back`;
    const slowest = Math.max(...runs.map((r) => r.ms)) / 1000;
    const worst = runs.reduce((a, b) => (b.growth[3]! > a.growth[3]! ? b : a));
    report.add(section, `${label} export ${name}: total, median of ${of}`, median(runs.map((r) => r.ms)) / 1000, 's', { yardstick: scan });
    report.add(section, `${label} export ${name}: total, slowest of ${of}`, slowest, 's', { yardstick: scan, target: atMost(EXPORT_TARGET_S, `${EXPORT_TARGET_S} s`) });
    report.add(section, `${label} export ${name}: first byte, median of ${of}`, median(runs.map((r) => r.firstByteMs)) / 1000, 's', { yardstick: scan });
    report.add(section, `${label} export ${name}: first byte, slowest of ${of}`, Math.max(...runs.map((r) => r.firstByteMs)) / 1000, 's', {
      yardstick: scan,
      target: atMost(FIRST_BYTE_TARGET_S, `${FIRST_BYTE_TARGET_S} s`),
    });
    report.add(section, `${label} export ${name}: size as sent (${runs[0]!.encoding})`, runs[0]!.bytes / 1024, 'KiB');
    report.add(section, `${label} export ${name}: server RSS before the first`, runs[0]!.rssBefore / MiB, 'MiB');
    report.add(section, `${label} export ${name}: server RSS growth at 25/50/75/100 % of bytes, largest of ${EXPORT_REPEATS}`, worst.growth.map((g) => g.toFixed(0)).join(' / '), 'MiB');
    report.add(section, `${label} export ${name}: server RSS growth at 100 %, largest`, worst.growth[3]!, 'MiB', { target: atMost(RSS_TARGET_MIB, `${RSS_TARGET_MIB} MiB`) });
    report.add(section, `${label} export ${name}: server RSS growth from 25 % to 100 %, same download`, worst.growth[3]! - worst.growth[0]!, 'MiB', {
      target: atMost(FLAT_MIB, `${FLAT_MIB} MiB (flat)`),
    });
    report.add(section, `${label} export ${name}: server RSS after the last, growth since before the first`, (runs.at(-1)!.rssBefore - runs[0]!.rssBefore) / MiB, 'MiB');
  }
}

export async function benchScale(report: Report, kind: DatabaseKind, total: number): Promise<void> {
  const section = 'scale';
  const label = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const test = await freshDatabase(kind);
  try {
    const t = performance.now();
    // Seeded in a process of its own, so the server starts on a database nobody else holds.
    const seeded = await runChild<Seeded>('seedProcess.ts', { kind, config: test.config, total });
    const seedSeconds = (performance.now() - t) / 1000;
    report.add(section, `${label} seeded: responses / answers (${seeded.unitIds.length} units, rounds of ${roundSizes(total).join(' + ')})`, `${seeded.responses} / ${seeded.answers}`, 'rows');
    report.add(section, `${label} seeded: summary rows (cells, themes, values, comments)`, seeded.summaryRows, 'rows');
    report.add(section, `${label} seeding time (bulk transactions, not the API)`, seedSeconds, 's');
    const scanned = await answersScan(kind, test.config);
    if (scanned.rows !== seeded.answers) throw new Error(`The scan counted ${scanned.rows} answers, ${seeded.answers} were seeded`);
    const scan = report.yardstick(section, `${label} one plain scan of the answers table (select count(*), sum(score)), median of 3`, 'answers scan', scanned.ms, 'ms');
    const server = await startServerProcess({ config: test.config });
    try {
      const cookie = await signIn(server.url, seeded.username, seeded.password);
      await resultsFigures(report, section, label, server, cookie, seeded, scan);
      await exportFigures(report, section, label, server, cookie, seeded, scan);
    } finally {
      await server.stop();
    }
  } finally {
    await test.drop();
  }
}
