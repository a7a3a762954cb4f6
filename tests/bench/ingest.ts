/**
 * Server ingest: batches of realistic respondent responses (the real
 * questionnaire, every factual "Ja" opening its follow-ups, so 50+ answers
 * each) POSTed to /api/v1/responses on a server listening on loopback, on
 * SQLite and on PostgreSQL, by 1 and by 50 clients at once, each run
 * bounded in time. Then the raw better-sqlite3 insert rate of the same rows
 * into the same schema, one transaction per batch, as the local limit.
 */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db/database.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { freshDatabase, type DatabaseKind, type TestDatabase } from '../support/databases.ts';
import type { Report } from './report.ts';
import { makeResponse, rowsOf, today } from './responses.ts';
import { median, percentile, seededRandom } from './stats.ts';

export const BATCH = 10;
const ROUND_CODE = 'BENCHINGEST';
const UNITS = 5;
const RUN_MS = Number(process.env.BENCH_INGEST_MS ?? 8000);
const CLIENTS = [1, 50] as const;

interface Batch {
  readonly responses: SurveyResponse[];
  readonly body: string;
}

function makeBatches(q: Questionnaire, count: number, seed: number): Batch[] {
  const random = seededRandom(seed);
  const completedOn = today();
  return Array.from({ length: count }, () => {
    const responses = Array.from({ length: BATCH }, () =>
      makeResponse(q, random, { roundCode: ROUND_CODE, unitId: 1 + Math.floor(random() * UNITS), completedOn, factualYes: 1, skip: 0.03, skipFactual: false }),
    );
    return { responses, body: JSON.stringify({ responses }) };
  });
}

/** A migrated database with one open round whose tablet code is fixed, so one pool of bodies fits every database. */
async function ingestDatabase(kind: DatabaseKind, questionnaires: readonly Questionnaire[]): Promise<{ test: TestDatabase; db: Db; roundId: number }> {
  const test = await freshDatabase(kind);
  const db = await prepareDatabase(test.config, questionnaires);
  const municipality = await createMunicipality(db.kysely, 'Ingest kommune');
  const unitIds: number[] = [];
  for (let i = 1; i <= UNITS; i++) unitIds.push(await createUnit(db.kysely, municipality, `Enhet ${i}`));
  if (unitIds.some((id, i) => id !== i + 1)) throw new Error('Unexpected unit ids in a fresh database');
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const round = await createRound(db.kysely, { municipalityId: municipality, name: 'Ingest', opensOn: from, closesOn: to, status: 'open', unitIds, questionnaireIds: ['respondent'] });
  await db.kysely.updateTable('rounds').set({ tablet_code: ROUND_CODE }).where('id', '=', round.id).execute();
  return { test, db, roundId: round.id };
}

interface RunResult {
  readonly responses: number;
  readonly seconds: number;
  readonly latencies: number[];
  readonly errors: number;
}

/** `clients` loops, each POSTing the next unsent batch until time is up or the pool is used. */
async function load(url: string, pool: readonly Batch[], start: number, clients: number, runMs: number): Promise<{ result: RunResult; next: number }> {
  let next = start;
  let responses = 0;
  let errors = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + runMs;
  const client = async () => {
    while (performance.now() < deadline && next < pool.length) {
      const batch = pool[next++]!;
      const t = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: batch.body });
      const ack = (await res.json()) as { acknowledged?: string[] };
      latencies.push(performance.now() - t);
      if (res.status !== 200 || ack.acknowledged?.length !== batch.responses.length) errors++;
      else responses += ack.acknowledged.length;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { result: { responses, seconds: (performance.now() - started) / 1000, latencies, errors }, next };
}

async function countResponses(db: Db): Promise<number> {
  const row = await db.kysely.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The same rows ingest would write, inserted with prepared statements, one transaction per batch. */
async function rawSqliteRate(
  questionnaires: readonly Questionnaire[],
  respondent: Questionnaire,
  pool: readonly Batch[],
  runMs: number,
  synchronous: 'FULL' | 'NORMAL',
): Promise<RunResult> {
  const { test, db, roundId } = await ingestDatabase('sqlite', questionnaires);
  await db.close();
  const batches = pool.map((b) => b.responses.map((r) => rowsOf(respondent, r, roundId)));
  const sqlite = new SQLite(join(test.config.dataDir, 'min-stemme-teller.sqlite'));
  try {
    // The same settings as the server's connection (src/server/db/database.ts).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`synchronous = ${synchronous}`);
    const insertResponse = sqlite.prepare(
      `insert into responses (id, round_id, unit_id, questionnaire_id, questionnaire_version, audience, language, answered_by, completion, completed_on, body_hash)
       values (@id, @round_id, @unit_id, @questionnaire_id, @questionnaire_version, @audience, @language, @answered_by, @completion, @completed_on, @body_hash)`,
    );
    const insertAnswer = sqlite.prepare('insert into answers (response_id, question_id, theme, value, score) values (@response_id, @question_id, @theme, @value, @score)');
    const insertComment = sqlite.prepare('insert into comments (response_id, comment_key, body) values (@response_id, @comment_key, @body)');
    const writeBatch = sqlite.transaction((rows: (typeof batches)[number]) => {
      for (const row of rows) {
        insertResponse.run(row.response);
        for (const answer of row.answers) insertAnswer.run(answer);
        for (const comment of row.comments) insertComment.run(comment);
      }
    });
    let responses = 0;
    const latencies: number[] = [];
    const started = performance.now();
    for (const rows of batches) {
      if (performance.now() - started > runMs) break;
      const t = performance.now();
      writeBatch(rows);
      latencies.push(performance.now() - t);
      responses += rows.length;
    }
    const seconds = (performance.now() - started) / 1000;
    const stored = (sqlite.prepare('select count(*) as n from responses').get() as { n: number }).n;
    if (stored !== responses) throw new Error(`Raw insert stored ${stored} of ${responses}`);
    return { responses, seconds, latencies, errors: 0 };
  } finally {
    sqlite.close();
    await test.drop();
  }
}

export async function benchIngest(report: Report, questionnaires: readonly Questionnaire[]): Promise<void> {
  const section = 'ingest';
  const respondent = questionnaires.find((q) => q.id === 'respondent')!;
  const t = performance.now();
  const pool = makeBatches(respondent, Number(process.env.BENCH_INGEST_BATCHES ?? 4000), 8);
  const answersPer = pool.flatMap((b) => b.responses).map((r) => Object.keys(r.answers).length);
  console.log(`  ${pool.length} batches of ${BATCH} made in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  report.add(section, `answers per response (min–max), ${BATCH} responses per POST`, `${Math.min(...answersPer)}–${Math.max(...answersPer)}`, 'answers');
  report.add(section, 'request body per POST', pool[0]!.body.length / 1024, 'KiB');

  const rates: Record<string, number> = {};
  for (const kind of ['sqlite', 'postgres'] as const) {
    const { test, db } = await ingestDatabase(kind, questionnaires);
    let app: FastifyInstance | undefined;
    try {
      app = await buildApp({ db, questionnaires: new QuestionnaireCache(db.kysely), limits: { submissionsPerMinute: 10_000_000 } });
      const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/responses`;
      let next = 0;
      // A short warm-up: the first requests compile the routes' code paths and fill the questionnaire cache.
      next = (await load(url, pool, next, 2, 500)).next;
      let stored = await countResponses(db);
      for (const clients of CLIENTS) {
        const run = await load(url, pool, next, clients, RUN_MS);
        next = run.next;
        const { responses, seconds, latencies, errors } = run.result;
        const after = await countResponses(db);
        if (after - stored !== responses) throw new Error(`${kind}: ${responses} acknowledged but ${after - stored} stored`);
        stored = after;
        const rate = responses / seconds;
        rates[`${kind}-${clients}`] = rate;
        const label = `${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${clients} client${clients > 1 ? 's' : ''}`;
        report.add(section, `${label}: responses stored per second`, rate, 'responses/s');
        report.add(section, `${label}: POST latency median / p95`, `${median(latencies).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)}`, 'ms');
        if (errors > 0) report.add(section, `${label}: failed POSTs`, errors, 'requests');
        console.log(`  ${label}: ${responses} responses in ${seconds.toFixed(1)} s${next >= pool.length ? ' (pool used up)' : ''}`);
      }
    } finally {
      await app?.close();
      await db.close();
      await test.drop();
    }
  }

  const raw = await rawSqliteRate(questionnaires, respondent, pool, Math.min(RUN_MS, 5000), 'FULL');
  const rawRate = raw.responses / raw.seconds;
  report.add(section, 'raw better-sqlite3 insert, same rows, 1 transaction per batch, synchronous=FULL', rawRate, 'responses/s');
  report.add(section, 'raw better-sqlite3: one batch transaction, median', median(raw.latencies), 'ms');
  const relaxed = await rawSqliteRate(questionnaires, respondent, pool, Math.min(RUN_MS, 3000), 'NORMAL');
  report.add(section, 'raw better-sqlite3, synchronous=NORMAL (no fsync per commit; reference only)', relaxed.responses / relaxed.seconds, 'responses/s');
  report.add(section, 'ratio server/raw, SQLite, 1 client', rates['sqlite-1']! / rawRate, '×');
  report.add(section, 'ratio server/raw, SQLite, 50 clients', rates['sqlite-50']! / rawRate, '×');
  report.note(
    `Ingest: the server, its clients and the database all run on this machine; each POST carries ${BATCH} responses; SQLite runs with synchronous=FULL (every commit fsynced), as in production, and so does the raw insert.`,
  );
}
