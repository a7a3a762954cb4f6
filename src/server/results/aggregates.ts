/**
 * The SQL aggregations behind the results pages, run on the same Kysely
 * queries for SQLite and PostgreSQL. Raw answers never leave the database:
 * only counts and means per group do.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { groupResponses, type GroupFilter } from './filters.ts';

export interface ThemeAggregate {
  readonly theme: string;
  /** Responses with at least one scored answer in the theme. */
  readonly n: number;
  /** Mean of each response's mean score in the theme, so every person weighs the same. */
  readonly score: number;
}

export async function themeScores(db: Kysely<Database>, filter: GroupFilter): Promise<ThemeAggregate[]> {
  const perResponse = db
    .selectFrom('answers')
    .select(['answers.response_id', 'answers.theme', (eb) => eb.fn.avg<number>('answers.score').as('response_score')])
    .where('answers.response_id', 'in', groupResponses(db, filter))
    .where('answers.score', 'is not', null)
    .where('answers.theme', 'is not', null)
    .groupBy(['answers.response_id', 'answers.theme']);
  const rows = await db
    .selectFrom(perResponse.as('t'))
    .select(['t.theme', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.avg<number>('t.response_score').as('score')])
    .groupBy('t.theme')
    .execute();
  return rows.map((r) => ({ theme: r.theme ?? '', n: Number(r.n), score: Number(r.score) }));
}

/** Mean of each response's overall mean score, and how many responses have one. */
export async function overallScore(db: Kysely<Database>, filter: GroupFilter): Promise<{ n: number; score: number | null }> {
  const perResponse = db
    .selectFrom('answers')
    .select(['answers.response_id', (eb) => eb.fn.avg<number>('answers.score').as('response_score')])
    .where('answers.response_id', 'in', groupResponses(db, filter))
    .where('answers.score', 'is not', null)
    .groupBy('answers.response_id');
  const row = await db
    .selectFrom(perResponse.as('t'))
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.avg<number>('t.response_score').as('score')])
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), score: row.score === null ? null : Number(row.score) };
}

export interface ValueCount {
  readonly questionId: string;
  /** null counts deliberate skips. */
  readonly value: string | null;
  readonly count: number;
}

export async function valueCounts(db: Kysely<Database>, filter: GroupFilter): Promise<ValueCount[]> {
  const rows = await db
    .selectFrom('answers')
    .select(['answers.question_id', 'answers.value', (eb) => eb.fn.countAll<number>().as('n')])
    .where('answers.response_id', 'in', groupResponses(db, filter))
    .groupBy(['answers.question_id', 'answers.value'])
    .execute();
  return rows.map((r) => ({ questionId: r.question_id, value: r.value, count: Number(r.n) }));
}

/**
 * Yes-saying checks: responses that gave one and the same answer to every
 * opinion question (at least three), and responses that contradicted
 * themselves on a reversed pair (after reversal one scored 100, the other 0).
 */
export async function consistency(
  db: Kysely<Database>,
  filter: GroupFilter,
  pairs: readonly (readonly [string, string])[],
): Promise<{ n: number; sameAnswer: number; pairAnswered: number; pairInconsistent: number }> {
  const group = groupResponses(db, filter);
  const perResponse = db
    .selectFrom('answers')
    .select([
      'answers.response_id',
      (eb) => eb.fn.count<number>('answers.value').as('answered'),
      (eb) => eb.fn.count<number>('answers.value').distinct().as('distinct_values'),
    ])
    .where('answers.response_id', 'in', group)
    .where('answers.score', 'is not', null)
    .groupBy('answers.response_id');
  const same = await db
    .selectFrom(perResponse.as('t'))
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>(sql<number>`case when t.answered >= 3 and t.distinct_values = 1 then 1 else 0 end`).as('same'),
    ])
    .executeTakeFirstOrThrow();
  if (pairs.length === 0) return { n: Number(same.n), sameAnswer: Number(same.same ?? 0), pairAnswered: 0, pairInconsistent: 0 };
  const pairRows = db
    .selectFrom('answers as a')
    .innerJoin('answers as b', 'a.response_id', 'b.response_id')
    .select(['a.response_id', (eb) => eb.fn.max<number>(sql<number>`case when abs(a.score - b.score) >= 100 then 1 else 0 end`).as('bad')])
    .where('a.response_id', 'in', group)
    .where('a.score', 'is not', null)
    .where('b.score', 'is not', null)
    .where((eb) => eb.or(pairs.map(([x, y]) => eb.and([eb('a.question_id', '=', x), eb('b.question_id', '=', y)]))))
    .groupBy('a.response_id');
  const pairStats = await db
    .selectFrom(pairRows.as('p'))
    .select([(eb) => eb.fn.countAll<number>().as('answered'), (eb) => eb.fn.sum<number>('p.bad').as('bad')])
    .executeTakeFirstOrThrow();
  return {
    n: Number(same.n),
    sameAnswer: Number(same.same ?? 0),
    pairAnswered: Number(pairStats.answered),
    pairInconsistent: Number(pairStats.bad ?? 0),
  };
}

export async function commentsOf(db: Kysely<Database>, filter: GroupFilter): Promise<{ key: string; body: string }[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['comments.comment_key', 'comments.body'])
    .where('comments.response_id', 'in', groupResponses(db, filter))
    // Ordered by the random response id: no order of arrival that could point to a person.
    .orderBy('comments.comment_key')
    .orderBy('comments.response_id')
    .execute();
  return rows.map((r) => ({ key: r.comment_key, body: r.body }));
}
