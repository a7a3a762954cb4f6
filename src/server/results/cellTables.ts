/**
 * The linked tables of a round for disclosure control: for every measure
 * (who a figure counts: every response, those shown a question, those
 * with a score in a theme, those with any score, those who answered a
 * reversed pair, those who wrote a comment), how many released responses
 * sit in each cell of audience × unit × answer mode × release. Counts
 * only; the same Kysely queries on SQLite and PostgreSQL.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { ANSWER_MODE_OF } from '../../shared/coordinatorApi.ts';
import type { Cell } from '../../shared/disclosure/linkedTable.ts';
import type { Audience } from '../../shared/questionnaire.ts';
import type { Database } from '../db/schema.ts';

export const NO_UNIT = 'none';
export const NOT_RECORDED = 'not-recorded';
/** Relatives answer for themselves: their table has no answer-mode dimension. */
export const NO_MODE = 'none';

export type MeasureTables = Map<Audience, Map<string, Cell[]>>;

export const measure = {
  count: 'count',
  /** Responses with at least one scored answer: a unit's overall score and the same-answer share. */
  scored: 'scored',
  pair: 'pair',
  theme: (theme: string) => `theme:${theme}`,
  question: (questionId: string) => `question:${questionId}`,
  comment: (key: string) => `comment:${key}`,
} as const;

interface Row {
  audience: string;
  unit_id: number | null;
  answered_by: string | null;
  release_no: number | null;
  key: string | null;
  n: number | string | bigint;
}

function cellOf(row: Row): { audience: Audience; cell: Cell } {
  const audience = row.audience as Audience;
  const mode = audience === 'relative' ? NO_MODE : row.answered_by === null ? NOT_RECORDED : ANSWER_MODE_OF[row.answered_by as keyof typeof ANSWER_MODE_OF];
  return { audience, cell: { unit: row.unit_id === null ? NO_UNIT : String(row.unit_id), mode, release: Number(row.release_no), n: Number(row.n) } };
}

function add(tables: MeasureTables, name: string, rows: readonly Row[]): void {
  for (const row of rows) {
    const { audience, cell } = cellOf(row);
    const byMeasure = tables.get(audience) ?? new Map<string, Cell[]>();
    tables.set(audience, byMeasure);
    const key = row.key === null ? name : `${name}${row.key}`;
    byMeasure.set(key, [...(byMeasure.get(key) ?? []), cell]);
  }
}

/** Who a measure counts: one row per response it counts, with the key that names the measure's variant (question id, theme, comment section) or null. */
type Members = SelectQueryBuilder<Database, keyof Database, { response_id: string; key: string | null }>;

/** Every measure's cells for the released responses of a round; `pairs` are the reversed pairs of its questionnaires. */
export async function measureTables(db: Kysely<Database>, roundId: number, pairs: readonly (readonly [string, string])[]): Promise<MeasureTables> {
  const released = db
    .selectFrom('responses')
    .select(['responses.id', 'responses.audience', 'responses.unit_id', 'responses.answered_by', 'responses.release_no'])
    .where('responses.round_id', '=', roundId)
    .where('responses.release_no', 'is not', null);
  const cellColumns = ['r.audience', 'r.unit_id', 'r.answered_by', 'r.release_no'] as const;
  const noKey = sql<string | null>`null`.as('key');
  const scoredAnswers = db.selectFrom('answers').where('score', 'is not', null);

  const measures: [string, Members][] = [
    [measure.count, db.selectFrom('responses').select(['id as response_id', noKey]).where('round_id', '=', roundId)],
    ['question:', db.selectFrom('answers').select(['response_id', 'question_id as key'])],
    ['theme:', scoredAnswers.select(['response_id', 'theme as key']).where('theme', 'is not', null).distinct()],
    [measure.scored, scoredAnswers.select(['response_id', noKey]).distinct()],
    ['comment:', db.selectFrom('comments').select(['response_id', 'comment_key as key'])],
  ];
  if (pairs.length > 0) {
    const paired = db
      .selectFrom('answers as a')
      .innerJoin('answers as b', 'a.response_id', 'b.response_id')
      .select(['a.response_id', noKey])
      .where('a.score', 'is not', null)
      .where('b.score', 'is not', null)
      .where((eb) => eb.or(pairs.map(([x, y]) => eb.and([eb('a.question_id', '=', x), eb('b.question_id', '=', y)]))))
      .distinct();
    // The self-join adds aliases to the builder's table type; its rows have the same shape as the others'.
    measures.push([measure.pair, paired as unknown as Members]);
  }

  const tables: MeasureTables = new Map();
  for (const [name, members] of measures) {
    const rows = await db
      .selectFrom(released.as('r'))
      .innerJoin(members.as('m'), 'm.response_id', 'r.id')
      .select([...cellColumns, 'm.key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy([...cellColumns, 'm.key'])
      .execute();
    add(tables, name, rows);
  }
  return tables;
}
