/**
 * Server ingest: batches of realistic respondent responses (the real
 * questionnaire, every factual "Ja" opening its follow-ups, so 50+ answers
 * each) POSTed to /api/v1/responses by 1 and by 50 clients at once, each
 * run bounded in time. The server runs in one process, the load generator
 * (loadProcess.ts) in another, the bench only checks what was stored.
 *
 * The yardstick, measured in the same run on the same disk: the same rows
 * inserted raw (better-sqlite3 prepared statements, or pg with one
 * multi-row statement per table), one transaction per batch of 10, with
 * the summary rows ingest keeps (the product's `summarise`), and the same
 * durability as the server (SQLite synchronous=FULL; PostgreSQL's default
 * synchronous_commit). Measured right before each server run, so both
 * see the same machine while other jobs come and go.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Db } from '../../src/server/db/database.ts';
import { storedResponse } from '../../src/server/ingest/preparedResponse.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import { summarise, type SummaryRows } from '../../src/server/summaries/contribution.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { freshDatabase, type DatabaseKind, type TestDatabase } from '../support/databases.ts';
import { runChild } from './children.ts';
import type { LoadArgs, LoadResult } from './loadProcess.ts';
import { atLeast, type Report } from './report.ts';
import { makeResponse, rowsOf, today, type ResponseRows } from './responses.ts';
import { startServerProcess } from './server.ts';
import { median, percentile, seededRandom } from './stats.ts';

export const BATCH = 10;
const ROUND_CODE = 'BENCHINGEST';
const UNITS = 5;
const RUN_MS = Number(process.env.BENCH_INGEST_MS ?? 8000);
const RAW_MS = Math.min(RUN_MS, 4000);
const CLIENTS = [1, 50] as const;
const RATE_TARGET = 2000;
const RATIO_TARGET = 0.8;

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

async function countResponses(db: Db): Promise<number> {
  const row = await db.kysely.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

interface RawResult {
  readonly responses: number;
  readonly seconds: number;
  /** Per batch transaction, ms. */
  readonly latencies: number[];
}

/** Runs `writeBatch` over the pool's rows until time is up. */
async function timeBatches(batches: readonly ResponseRows[][], runMs: number, writeBatch: (rows: ResponseRows[]) => unknown): Promise<RawResult> {
  let responses = 0;
  const latencies: number[] = [];
  const started = performance.now();
  for (const rows of batches) {
    if (performance.now() - started > runMs) break;
    const t = performance.now();
    await writeBatch(rows);
    latencies.push(performance.now() - t);
    responses += rows.length;
  }
  return { responses, seconds: (performance.now() - started) / 1000, latencies };
}

const CELL = 'round_id, audience, unit_key, answered_by, release_no, flagged';
const summariesOf = (rows: readonly ResponseRows[]): SummaryRows => summarise(rows.map(storedResponse));

/** The same rows ingest writes, into SQLite with prepared statements, one transaction per batch, synchronous=FULL. */
async function rawSqlite(questionnaires: readonly Questionnaire[], respondent: Questionnaire, pool: readonly Batch[], withSummaries: boolean): Promise<RawResult> {
  const { test, db, roundId } = await ingestDatabase('sqlite', questionnaires);
  await db.close();
  const batches = pool.map((b) => b.responses.map((r) => rowsOf(respondent, r, roundId)));
  const sqlite = new SQLite(join(test.config.dataDir, 'min-stemme-teller.sqlite'));
  try {
    // The same settings as the server's connection (src/server/db/database.ts).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    const insertResponse = sqlite.prepare(
      `insert into responses (id, round_id, unit_id, questionnaire_id, questionnaire_version, audience, language, answered_by, completion, completed_on, body_hash)
       values (@id, @round_id, @unit_id, @questionnaire_id, @questionnaire_version, @audience, @language, @answered_by, @completion, @completed_on, @body_hash)`,
    );
    const insertAnswer = sqlite.prepare('insert into answers (response_id, question_id, theme, value, score) values (@response_id, @question_id, @theme, @value, @score)');
    const insertComment = sqlite.prepare('insert into comments (response_id, comment_key, body) values (@response_id, @comment_key, @body)');
    const upsertCell = sqlite.prepare(
      `insert into summary_cells (${CELL}, responses, same_answer, pair_answered, pair_bad) values (@round_id, @audience, @unit_key, @answered_by, @release_no, @flagged, @responses, @same_answer, @pair_answered, @pair_bad)
       on conflict (${CELL}) do update set responses = responses + excluded.responses, same_answer = same_answer + excluded.same_answer,
         pair_answered = pair_answered + excluded.pair_answered, pair_bad = pair_bad + excluded.pair_bad`,
    );
    const upsertTheme = sqlite.prepare(
      `insert into summary_themes (${CELL}, theme, responses, mean_sum) values (@round_id, @audience, @unit_key, @answered_by, @release_no, @flagged, @theme, @responses, @mean_sum)
       on conflict (${CELL}, theme) do update set responses = responses + excluded.responses, mean_sum = mean_sum + excluded.mean_sum`,
    );
    const upsertValue = sqlite.prepare(
      `insert into summary_values (${CELL}, question_id, value, n) values (@round_id, @audience, @unit_key, @answered_by, @release_no, @flagged, @question_id, @value, @n)
       on conflict (${CELL}, question_id, value) do update set n = n + excluded.n`,
    );
    const upsertComment = sqlite.prepare(
      `insert into summary_comments (${CELL}, comment_key, n) values (@round_id, @audience, @unit_key, @answered_by, @release_no, @flagged, @comment_key, @n)
       on conflict (${CELL}, comment_key) do update set n = n + excluded.n`,
    );
    const writeBatch = sqlite.transaction((rows: ResponseRows[]) => {
      for (const row of rows) {
        insertResponse.run(row.response);
        for (const answer of row.answers) insertAnswer.run(answer);
        for (const comment of row.comments) insertComment.run(comment);
      }
      if (!withSummaries) return;
      const s = summariesOf(rows);
      for (const r of s.cells) upsertCell.run(r);
      for (const r of s.themes) upsertTheme.run(r);
      for (const r of s.values) upsertValue.run(r);
      for (const r of s.comments) upsertComment.run(r);
    });
    const result = await timeBatches(batches, RAW_MS, writeBatch);
    const stored = (sqlite.prepare('select count(*) as n from responses').get() as { n: number }).n;
    if (stored !== result.responses) throw new Error(`Raw insert stored ${stored} of ${result.responses}`);
    return result;
  } finally {
    sqlite.close();
    await test.drop();
  }
}

/** The same rows and summaries into PostgreSQL: one multi-row statement per table (unnest), one transaction per batch. */
async function rawPostgres(questionnaires: readonly Questionnaire[], respondent: Questionnaire, pool: readonly Batch[]): Promise<RawResult> {
  const { test, db, roundId } = await ingestDatabase('postgres', questionnaires);
  await db.close();
  const batches = pool.map((b) => b.responses.map((r) => rowsOf(respondent, r, roundId)));
  const client = new pg.Client({ connectionString: test.config.databaseUrl });
  await client.connect();
  const col = <T>(rows: readonly T[], pick: (row: T) => unknown) => rows.map(pick);
  const cellCols = <T extends SummaryRows['cells'][number] | SummaryRows['themes'][number] | SummaryRows['values'][number] | SummaryRows['comments'][number]>(rows: readonly T[]) => [
    col(rows, (r) => r.round_id),
    col(rows, (r) => r.audience),
    col(rows, (r) => r.unit_key),
    col(rows, (r) => r.answered_by),
    col(rows, (r) => r.release_no),
    col(rows, (r) => r.flagged),
  ];
  const cellTypes = '$1::int[], $2::text[], $3::int[], $4::text[], $5::int[], $6::int[]';
  try {
    const result = await timeBatches(batches, RAW_MS, async (rows) => {
      const responses = rows.map((r) => r.response);
      const answers = rows.flatMap((r) => r.answers);
      const comments = rows.flatMap((r) => r.comments);
      const s = summariesOf(rows);
      await client.query('begin');
      await client.query(
        `insert into responses (id, round_id, unit_id, questionnaire_id, questionnaire_version, audience, language, answered_by, completion, completed_on, body_hash)
         select * from unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
        [
          col(responses, (r) => r.id),
          col(responses, (r) => r.round_id),
          col(responses, (r) => r.unit_id),
          col(responses, (r) => r.questionnaire_id),
          col(responses, (r) => r.questionnaire_version),
          col(responses, (r) => r.audience),
          col(responses, (r) => r.language),
          col(responses, (r) => r.answered_by),
          col(responses, (r) => r.completion),
          col(responses, (r) => r.completed_on),
          col(responses, (r) => r.body_hash),
        ],
      );
      await client.query('insert into answers (response_id, question_id, theme, value, score) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::real[])', [
        col(answers, (a) => a.response_id),
        col(answers, (a) => a.question_id),
        col(answers, (a) => a.theme),
        col(answers, (a) => a.value),
        col(answers, (a) => a.score),
      ]);
      if (comments.length > 0) {
        await client.query('insert into comments (response_id, comment_key, body) select * from unnest($1::text[], $2::text[], $3::text[])', [
          col(comments, (c) => c.response_id),
          col(comments, (c) => c.comment_key),
          col(comments, (c) => c.body),
        ]);
      }
      await client.query(
        `insert into summary_cells (${CELL}, responses, same_answer, pair_answered, pair_bad) select * from unnest(${cellTypes}, $7::int[], $8::int[], $9::int[], $10::int[])
         on conflict (${CELL}) do update set responses = summary_cells.responses + excluded.responses, same_answer = summary_cells.same_answer + excluded.same_answer,
           pair_answered = summary_cells.pair_answered + excluded.pair_answered, pair_bad = summary_cells.pair_bad + excluded.pair_bad`,
        [...cellCols(s.cells), col(s.cells, (r) => r.responses), col(s.cells, (r) => r.same_answer), col(s.cells, (r) => r.pair_answered), col(s.cells, (r) => r.pair_bad)],
      );
      await client.query(
        `insert into summary_themes (${CELL}, theme, responses, mean_sum) select * from unnest(${cellTypes}, $7::text[], $8::int[], $9::float8[])
         on conflict (${CELL}, theme) do update set responses = summary_themes.responses + excluded.responses, mean_sum = summary_themes.mean_sum + excluded.mean_sum`,
        [...cellCols(s.themes), col(s.themes, (r) => r.theme), col(s.themes, (r) => r.responses), col(s.themes, (r) => r.mean_sum)],
      );
      await client.query(
        `insert into summary_values (${CELL}, question_id, value, n) select * from unnest(${cellTypes}, $7::text[], $8::text[], $9::int[])
         on conflict (${CELL}, question_id, value) do update set n = summary_values.n + excluded.n`,
        [...cellCols(s.values), col(s.values, (r) => r.question_id), col(s.values, (r) => r.value), col(s.values, (r) => r.n)],
      );
      if (s.comments.length > 0) {
        await client.query(
          `insert into summary_comments (${CELL}, comment_key, n) select * from unnest(${cellTypes}, $7::text[], $8::int[])
           on conflict (${CELL}, comment_key) do update set n = summary_comments.n + excluded.n`,
          [...cellCols(s.comments), col(s.comments, (r) => r.comment_key), col(s.comments, (r) => r.n)],
        );
      }
      await client.query('commit');
    });
    const stored = Number((await client.query<{ n: string }>('select count(*) as n from responses')).rows[0]!.n);
    if (stored !== result.responses) throw new Error(`Raw insert stored ${stored} of ${result.responses}`);
    return result;
  } finally {
    await client.end();
    await test.drop();
  }
}

const rateOf = (r: { responses: number; seconds: number }) => r.responses / r.seconds;

export async function benchIngest(report: Report, questionnaires: readonly Questionnaire[]): Promise<void> {
  const section = 'ingest';
  const respondent = questionnaires.find((q) => q.id === 'respondent')!;
  const t = performance.now();
  const pool = makeBatches(respondent, Number(process.env.BENCH_INGEST_BATCHES ?? 4000), 8);
  const answersPer = pool.flatMap((b) => b.responses).map((r) => Object.keys(r.answers).length);
  console.log(`  ${pool.length} batches of ${BATCH} made in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  report.add(section, `answers per response (min–max), ${BATCH} responses per POST`, `${Math.min(...answersPer)}–${Math.max(...answersPer)}`, 'answers');
  report.add(section, 'request body per POST', pool[0]!.body.length / 1024, 'KiB');
  const poolDir = mkdtempSync(join(tmpdir(), 'mst-bench-ingest-'));
  const poolFile = join(poolDir, 'pool.jsonl');
  writeFileSync(poolFile, pool.map((b) => b.body).join('\n'));

  try {
    const rawRows = await rawSqlite(questionnaires, respondent, pool, false);
    report.add(section, 'raw better-sqlite3, same rows without summaries, 1 transaction per batch, synchronous=FULL (reference)', rateOf(rawRows), 'responses/s');

    for (const kind of ['sqlite', 'postgres'] as const) {
      const name = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
      const { test, db } = await ingestDatabase(kind, questionnaires);
      try {
        const server = await startServerProcess({ config: test.config, submissionsPerMinute: 10_000_000 });
        try {
          const url = `${server.url}/api/v1/responses`;
          const load = (start: number, clients: number, runMs: number) => runChild<LoadResult>('loadProcess.ts', { url, poolFile, start, clients, runMs, perBatch: BATCH } satisfies LoadArgs);
          // A short warm-up: the first requests compile the routes' code paths and fill the questionnaire cache.
          let next = (await load(0, 2, 500)).next;
          let stored = await countResponses(db);
          for (const clients of CLIENTS) {
            const label = `${name}, ${clients} client${clients > 1 ? 's' : ''}`;
            // The yardstick right before each run, so both see the same machine (other jobs come and go).
            const raw = kind === 'sqlite' ? await rawSqlite(questionnaires, respondent, pool, true) : await rawPostgres(questionnaires, respondent, pool);
            const yard = report.yardstick(
              section,
              kind === 'sqlite'
                ? `raw better-sqlite3, same rows and summaries, 1 transaction per batch, synchronous=FULL, before the ${clients}-client run`
                : `raw pg, same rows and summaries, 1 transaction per batch (multi-row statements), before the ${clients}-client run`,
              `raw ${name}`,
              rateOf(raw),
              'responses/s',
            );
            const run = await load(next, clients, RUN_MS);
            next = run.next;
            const after = await countResponses(db);
            if (after - stored !== run.responses) throw new Error(`${kind}: ${run.responses} acknowledged but ${after - stored} stored`);
            stored = after;
            const rate = rateOf(run);
            const target = kind === 'sqlite' && clients === 50 ? atLeast(RATE_TARGET, `${RATE_TARGET.toLocaleString('en-US')}/s`) : undefined;
            report.add(section, `${label}: responses stored per second`, rate, 'responses/s', { yardstick: yard, ...(target ? { target } : {}) });
            report.add(section, `${label}: POST latency median / p95`, `${median(run.latencies).toFixed(0)} / ${percentile(run.latencies, 95).toFixed(0)}`, 'ms');
            if (kind === 'sqlite' && clients === 50) {
              report.add(section, `${label}: ratio server / raw SQLite with summaries`, rate / yard.value, '×', { target: atLeast(RATIO_TARGET, `${RATIO_TARGET}`) });
              report.add(section, `${label}: ratio server / raw SQLite rows only (measured at the start of the part)`, rate / rateOf(rawRows), '×');
            }
            if (run.errors > 0) report.add(section, `${label}: failed POSTs (first: ${run.firstError ?? '?'})`, run.errors, 'requests');
            if (next >= pool.length) report.note(`Ingest ${label}: the pool of ${pool.length} batches ran out before the time was up.`);
          }
        } finally {
          await server.stop();
        }
      } finally {
        await db.close();
        await test.drop();
      }
    }
    report.note(
      `Ingest: the server, the load generator and the database each run in their own process on this machine; each POST carries ${BATCH} responses; SQLite runs with synchronous=FULL (every commit synced), as in production, and so does the raw insert.`,
    );
  } finally {
    rmSync(poolDir, { recursive: true, force: true });
  }
}
