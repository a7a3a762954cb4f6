/**
 * Seeds a national-size data set straight into the tables, in bulk
 * transactions: one municipality, 50 units, 3 yearly rounds with the real
 * respondent and relative questionnaires, and 100,000 responses with their
 * answers (theme and score as ingest stores them) and a few comments, and
 * the summary tables results read, summed by the product's own `summarise`
 * exactly as ingest would have added them (waiting for the rounds' first
 * release, which the bench then makes).
 */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/server/db/database.ts';
import type { NewAnswer } from '../../src/server/db/schema.ts';
import { storedResponse } from '../../src/server/ingest/preparedResponse.ts';
import { hashPassword } from '../../src/server/password.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { summarise, type SummaryRows } from '../../src/server/summaries/contribution.ts';
import { addSummaries } from '../../src/server/summaries/writeSummaries.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import type { DatabaseKind, TestDatabase } from '../support/databases.ts';
import { makeResponse, rowsOf, type ResponseRows } from './responses.ts';
import { sql } from 'kysely';
import { seededRandom } from './stats.ts';

/** What ingest sets on a response of a round without releases: it waits for release 1. */
const FIRST_RELEASE = 1;

export const UNIT_COUNT = 50;
/** Round sizes, oldest first: participation grows a little from round to round. */
export function roundSizes(total: number): number[] {
  const shares = [0.3, 0.3, 0.4];
  const sizes = shares.map((s) => Math.round(total * s));
  sizes[2] = total - sizes[0]! - sizes[1]!;
  return sizes;
}
const RESPONDENT_SHARE = 0.6;
const CHUNK = 2000;

export interface Seeded {
  readonly municipalityId: number;
  readonly unitIds: number[];
  readonly roundIds: number[];
  readonly username: string;
  readonly password: string;
  readonly responses: number;
  readonly answers: number;
  readonly comments: number;
  /** Rows written to the summary tables (cells, themes, values, comments). */
  readonly summaryRows: number;
}

interface RowWriter {
  write(chunk: readonly ResponseRows[]): Promise<void>;
  close(): Promise<void>;
}

function sqliteWriter(test: TestDatabase): RowWriter {
  const sqlite = new SQLite(join(test.config.dataDir, 'min-stemme-teller.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  // Seeding only: the bench's data set need not survive a power cut.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -524288');
  const insertResponse = sqlite.prepare(
    `insert into responses (id, round_id, unit_id, questionnaire_id, questionnaire_version, audience, language, answered_by, completion, completed_on, body_hash, release_no)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${FIRST_RELEASE})`,
  );
  // Many rows per statement: half the time of one statement per answer.
  const MANY = 100;
  const answerSql = (rows: number) => `insert into answers (response_id, question_id, theme, value, score) values ${Array(rows).fill('(?, ?, ?, ?, ?)').join(', ')}`;
  const insertAnswers = sqlite.prepare(answerSql(MANY));
  const insertAnswer = sqlite.prepare(answerSql(1));
  const insertComment = sqlite.prepare('insert into comments (response_id, comment_key, body) values (?, ?, ?)');
  const answerArgs = (answers: readonly NewAnswer[]) => answers.flatMap((a) => [a.response_id, a.question_id, a.theme ?? null, a.value ?? null, a.score ?? null]);
  const writeChunk = sqlite.transaction((chunk: readonly ResponseRows[]) => {
    for (const { response: r, comments } of chunk) {
      insertResponse.run(r.id, r.round_id, r.unit_id ?? null, r.questionnaire_id, r.questionnaire_version, r.audience, r.language, r.answered_by ?? null, r.completion, r.completed_on, r.body_hash);
      for (const c of comments) insertComment.run(c.response_id, c.comment_key, c.body);
    }
    const answers = chunk.flatMap((c) => c.answers);
    let i = 0;
    for (; i + MANY <= answers.length; i += MANY) insertAnswers.run(answerArgs(answers.slice(i, i + MANY)));
    for (; i < answers.length; i++) insertAnswer.run(answerArgs([answers[i]!]));
  });
  return {
    write: async (chunk) => writeChunk(chunk),
    close: async () => {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}

function postgresWriter(test: TestDatabase): RowWriter {
  const client = new pg.Client({ connectionString: test.config.databaseUrl });
  const connected = client.connect();
  const column = <T>(rows: readonly T[], pick: (row: T) => unknown) => rows.map(pick);
  return {
    write: async (chunk) => {
      await connected;
      const responses = chunk.map((c) => c.response);
      const answers = chunk.flatMap((c) => c.answers);
      const comments = chunk.flatMap((c) => c.comments);
      await client.query('begin');
      await client.query(
        `insert into responses (id, round_id, unit_id, questionnaire_id, questionnaire_version, audience, language, answered_by, completion, completed_on, body_hash, release_no)
         select *, ${FIRST_RELEASE} from unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
        [
          column(responses, (r) => r.id),
          column(responses, (r) => r.round_id),
          column(responses, (r) => r.unit_id),
          column(responses, (r) => r.questionnaire_id),
          column(responses, (r) => r.questionnaire_version),
          column(responses, (r) => r.audience),
          column(responses, (r) => r.language),
          column(responses, (r) => r.answered_by),
          column(responses, (r) => r.completion),
          column(responses, (r) => r.completed_on),
          column(responses, (r) => r.body_hash),
        ],
      );
      await client.query(
        'insert into answers (response_id, question_id, theme, value, score) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::real[])',
        [column(answers, (a) => a.response_id), column(answers, (a) => a.question_id), column(answers, (a) => a.theme), column(answers, (a) => a.value), column(answers, (a) => a.score)],
      );
      if (comments.length > 0) {
        await client.query('insert into comments (response_id, comment_key, body) select * from unnest($1::text[], $2::text[], $3::text[])', [
          column(comments, (c) => c.response_id),
          column(comments, (c) => c.comment_key),
          column(comments, (c) => c.body),
        ]);
      }
      await client.query('commit');
    },
    close: async () => {
      await connected;
      await client.query('analyze');
      await client.end();
    },
  };
}

/**
 * Sums `summarise` of each seeded chunk into one set of rows per cell, the
 * same sums `summarise` of every response at once gives (keeping every
 * response's answers in memory until the end would take gigabytes).
 */
class SummaryTotals {
  private readonly cells = new Map<string, SummaryRows['cells'][number]>();
  private readonly themes = new Map<string, SummaryRows['themes'][number]>();
  private readonly values = new Map<string, SummaryRows['values'][number]>();
  private readonly comments = new Map<string, SummaryRows['comments'][number]>();

  add(rows: SummaryRows): void {
    const key = (r: SummaryRows['cells'][number] | SummaryRows['themes'][number] | SummaryRows['values'][number] | SummaryRows['comments'][number], ...rest: string[]) =>
      JSON.stringify([r.round_id, r.audience, r.unit_key, r.answered_by, r.release_no, ...rest]);
    for (const r of rows.cells) {
      const t = this.cells.get(key(r));
      if (!t) this.cells.set(key(r), { ...r });
      else {
        t.responses += r.responses;
        t.same_answer += r.same_answer;
        t.pair_answered += r.pair_answered;
        t.pair_bad += r.pair_bad;
      }
    }
    for (const r of rows.themes) {
      const t = this.themes.get(key(r, r.theme));
      if (!t) this.themes.set(key(r, r.theme), { ...r });
      else {
        t.responses += r.responses;
        t.mean_sum += r.mean_sum;
      }
    }
    for (const r of rows.values) {
      const t = this.values.get(key(r, r.question_id, r.value));
      if (!t) this.values.set(key(r, r.question_id, r.value), { ...r });
      else t.n += r.n;
    }
    for (const r of rows.comments) {
      const t = this.comments.get(key(r, r.comment_key));
      if (!t) this.comments.set(key(r, r.comment_key), { ...r });
      else t.n += r.n;
    }
  }

  rows(): SummaryRows {
    return { cells: [...this.cells.values()], themes: [...this.themes.values()], values: [...this.values.values()], comments: [...this.comments.values()] };
  }
}

/** Writes the seeded responses' summaries through the product's writer, in one transaction. */
async function writeSummaries(kind: DatabaseKind, test: TestDatabase, rows: SummaryRows): Promise<void> {
  const db = openDatabase(test.config);
  try {
    await db.kysely.transaction().execute((trx) => addSummaries(trx, rows));
    if (kind === 'postgres') await sql`analyze`.execute(db.kysely);
  } finally {
    await db.close();
  }
}

/** A version-4-shaped UUID whose first 12 hex digits count up. */
function orderedUuid(counter: number, random: () => number): string {
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  const head = counter.toString(16).padStart(12, '0');
  return `${head.slice(0, 8)}-${head.slice(8, 12)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}

/**
 * Creates the municipality, units, rounds and a coordinator through the
 * app's own functions, then closes `db` and writes the responses in bulk.
 */
export async function seed(kind: DatabaseKind, test: TestDatabase, db: Db, questionnaires: readonly Questionnaire[], total: number): Promise<Seeded> {
  const respondent = questionnaires.find((q) => q.id === 'respondent')!;
  const relative = questionnaires.find((q) => q.id === 'relative')!;
  const municipalityId = await createMunicipality(db.kysely, 'Landet kommune');
  const unitIds: number[] = [];
  for (let i = 1; i <= UNIT_COUNT; i++) unitIds.push(await createUnit(db.kysely, municipalityId, `Bolig ${String(i).padStart(2, '0')}`));
  const years = [2024, 2025, 2026];
  const roundIds: number[] = [];
  for (const [i, year] of years.entries()) {
    const round = await createRound(db.kysely, {
      municipalityId,
      name: `Brukerundersøkelse ${year}`,
      opensOn: `${year}-03-01`,
      closesOn: `${year}-04-30`,
      // Closed, so their results can be released (the first release is made when results are first asked for).
      status: 'closed',
      unitIds,
      questionnaireIds: [respondent.id, relative.id],
    });
    roundIds.push(round.id);
  }
  const username = 'bench';
  const password = 'bench-password-not-secret';
  await db.kysely.insertInto('coordinators').values({ municipality_id: municipalityId, username, password_hash: await hashPassword(password), is_admin: 1 }).execute();
  await db.close();

  const writer = kind === 'sqlite' ? sqliteWriter(test) : postgresWriter(test);
  const random = seededRandom(2026);
  let responses = 0;
  let answers = 0;
  let comments = 0;
  const totals = new SummaryTotals();
  try {
    for (const [r, size] of roundSizes(total).entries()) {
      const year = years[r]!;
      const roundId = roundIds[r]!;
      for (let done = 0; done < size; ) {
        const chunk: ResponseRows[] = [];
        for (; chunk.length < CHUNK && done < size; done++) {
          const q = random() < RESPONDENT_SHARE ? respondent : relative;
          const unitId = unitIds[Math.floor(random() * unitIds.length)]!;
          const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
          const response = makeResponse(q, random, { roundCode: 'SEED', unitId, completedOn: `${year}-03-${day}`, comment: 0.03 });
          // Random UUIDs, but in increasing order: the bulk insert then appends to the indexes instead of
          // scattering over them (10× faster to seed); a response's answers sit together either way.
          response.id = orderedUuid(responses + chunk.length, random);
          const rows = rowsOf(q, response, roundId, { hash: false });
          answers += rows.answers.length;
          comments += rows.comments.length;
          chunk.push(rows);
        }
        await writer.write(chunk);
        totals.add(summarise(chunk.map((rows) => storedResponse(rows, FIRST_RELEASE))));
        responses += chunk.length;
      }
    }
  } finally {
    await writer.close();
  }
  const summaries = totals.rows();
  await writeSummaries(kind, test, summaries);
  const summaryRows = summaries.cells.length + summaries.themes.length + summaries.values.length + summaries.comments.length;
  return { municipalityId, unitIds, roundIds, username, password, responses, answers, comments, summaryRows };
}
