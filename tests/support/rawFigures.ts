/**
 * The test oracle for results: every number the server reads from its
 * summary tables, recomputed here from the raw answers with the SQL the
 * results used before there were summaries (the same Kysely queries on
 * SQLite and PostgreSQL). Tests compare the two sources. Which responses
 * the consistency checks flag is worked out here from their answers, in
 * plain code, independently of the summaries.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { addCells, measure } from '../../src/server/results/cellTables.ts';
import type { ConsistencyCounts, FigureSource, MeasureTables, ThemeAggregate, ValueCount } from '../../src/server/results/figureSource.ts';
import { groupResponses, releasedOnly, type GroupFilter } from '../../src/server/results/filters.ts';
import { pairsOf } from '../../src/shared/favourableAnswer.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';

/**
 * The ids of a round's responses that gave one and the same answer to
 * every scored question (at least three) or contradicted a reversed pair
 * of the questionnaire version they answered (100 apart after reversal).
 */
async function flaggedIds(db: Kysely<Database>, roundId: number): Promise<string[]> {
  const versions = await db.selectFrom('questionnaire_versions').select(['questionnaire_id', 'version', 'definition']).execute();
  const pairsOfVersion = new Map(versions.map((v) => [`${v.questionnaire_id}@${v.version}`, pairsOf(JSON.parse(v.definition) as Questionnaire)]));
  const responses = await db.selectFrom('responses').select(['id', 'questionnaire_id', 'questionnaire_version']).where('round_id', '=', roundId).execute();
  const answers = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['answers.response_id', 'answers.question_id', 'answers.value', 'answers.score'])
    .where('responses.round_id', '=', roundId)
    .where('answers.score', 'is not', null)
    .execute();
  const flagged: string[] = [];
  for (const r of responses) {
    const mine = answers.filter((a) => a.response_id === r.id);
    const score = new Map(mine.map((a) => [a.question_id, Number(a.score)]));
    const same = mine.length >= 3 && new Set(mine.map((a) => a.value)).size === 1;
    const contradicted = (pairsOfVersion.get(`${r.questionnaire_id}@${r.questionnaire_version}`) ?? []).some(
      ([x, y]) => score.has(x) && score.has(y) && Math.abs(score.get(x)! - score.get(y)!) >= 100,
    );
    if (same || contradicted) flagged.push(r.id);
  }
  return flagged;
}

/** The responses of a group, less the flagged ones when the filter asks. */
async function members(db: Kysely<Database>, filter: GroupFilter) {
  const group = groupResponses(db, filter);
  if (!filter.withoutFlagged) return group;
  const flagged = await flaggedIds(db, filter.roundId);
  return flagged.length > 0 ? group.where('responses.id', 'not in', flagged) : group;
}

async function themeScores(db: Kysely<Database>, filter: GroupFilter): Promise<ThemeAggregate[]> {
  const perResponse = db
    .selectFrom('answers')
    .select(['answers.response_id', 'answers.theme', (eb) => eb.fn.avg<number>('answers.score').as('response_score')])
    .where('answers.response_id', 'in', await members(db, filter))
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
async function overallByUnit(db: Kysely<Database>, filter: Pick<GroupFilter, 'roundId' | 'audience' | 'withoutFlagged'>): Promise<Map<number | null, { n: number; score: number }>> {
  const perResponse = db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['answers.response_id', 'responses.unit_id', (eb) => eb.fn.avg<number>('answers.score').as('response_score')])
    .where('answers.response_id', 'in', await members(db, filter))
    .where('answers.score', 'is not', null)
    .where((eb) => eb.or([eb('answers.theme', 'is', null), eb('answers.theme', 'not like', 'egen:%')]))
    .groupBy(['answers.response_id', 'responses.unit_id']);
  const rows = await db
    .selectFrom(perResponse.as('t'))
    .select(['t.unit_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.avg<number>('t.response_score').as('score')])
    .groupBy('t.unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, { n: Number(r.n), score: Number(r.score) }]));
}

async function valueCounts(db: Kysely<Database>, filter: GroupFilter): Promise<ValueCount[]> {
  const rows = await db
    .selectFrom('answers')
    .select(['answers.question_id', 'answers.value', (eb) => eb.fn.countAll<number>().as('n')])
    .where('answers.response_id', 'in', await members(db, filter))
    .groupBy(['answers.question_id', 'answers.value'])
    .execute();
  return rows.map((r) => ({ questionId: r.question_id, value: r.value, count: Number(r.n) }));
}

async function valueCountsByUnit(db: Kysely<Database>, filter: Omit<GroupFilter, 'unitId'>): Promise<Map<number | null, ValueCount[]>> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['responses.unit_id', 'answers.question_id', 'answers.value', (eb) => eb.fn.countAll<number>().as('n')])
    .where('answers.response_id', 'in', await members(db, filter))
    .groupBy(['responses.unit_id', 'answers.question_id', 'answers.value'])
    .execute();
  const byUnit = new Map<number | null, ValueCount[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unit_id) ?? [];
    byUnit.set(r.unit_id, list);
    list.push({ questionId: r.question_id, value: r.value, count: Number(r.n) });
  }
  return byUnit;
}

/**
 * Yes-saying checks: responses that gave one and the same answer to every
 * opinion question (at least three), and responses that contradicted
 * themselves on a reversed pair (after reversal one scored 100, the other 0).
 */
async function consistency(
  db: Kysely<Database>,
  filter: GroupFilter,
  pairs: readonly (readonly [string, string])[],
): Promise<ConsistencyCounts> {
  const group = await members(db, filter);
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

/** Who a measure counts: one row per response it counts, with the key that names the measure's variant (question id, theme, comment section) or null. */
type Members = SelectQueryBuilder<Database, keyof Database, { response_id: string; key: string | null }>;

/** Every measure's cells for the released responses of a round; `pairs` are the reversed pairs of its questionnaires. */
async function measureTables(db: Kysely<Database>, roundId: number, pairs: readonly (readonly [string, string])[]): Promise<MeasureTables> {
  const flagged = await flaggedIds(db, roundId);
  const isFlagged = flagged.length > 0 ? sql<number>`case when ${sql.ref('responses.id')} in (${sql.join(flagged)}) then 1 else 0 end` : sql<number>`0`;
  const released = db
    .selectFrom('responses')
    .select(['responses.id', 'responses.audience', 'responses.unit_id', 'responses.answered_by', 'responses.release_no', isFlagged.as('flagged')])
    .where('responses.round_id', '=', roundId)
    .where(releasedOnly(roundId));
  const cellColumns = ['r.audience', 'r.unit_id', 'r.answered_by', 'r.release_no', 'r.flagged'] as const;
  const noKey = sql<string | null>`null`.as('key');
  const scoredAnswers = db.selectFrom('answers').where('score', 'is not', null);

  const measures: [string, Members][] = [
    [measure.count, db.selectFrom('responses').select(['id as response_id', noKey]).where('round_id', '=', roundId)],
    ['question:', db.selectFrom('answers').select(['response_id', 'question_id as key'])],
    ['theme:', scoredAnswers.select(['response_id', 'theme as key']).where('theme', 'is not', null).distinct()],
    [measure.scored, scoredAnswers.where((eb) => eb.or([eb('theme', 'is', null), eb('theme', 'not like', 'egen:%')])).select(['response_id', noKey]).distinct()],
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
    for (const row of rows) {
      addCells(tables, row.key === null ? name : `${name}${row.key}`, [
        { audience: row.audience, unitId: row.unit_id, answeredBy: row.answered_by, release: Number(row.release_no), flagged: Number(row.flagged) === 1, n: Number(row.n) },
      ]);
    }
  }
  return tables;
}

export const rawFigures: FigureSource = { name: 'raw', measureTables, themeScores, overallByUnit, valueCounts, valueCountsByUnit, consistency };
