/**
 * Results' numbers read from the summary tables kept at ingest: a few
 * indexed GROUP BY queries over at most units × answer modes × releases
 * rows per theme, question value or comment section, whatever the number
 * of responses. Only released cells are read.
 */
import type { ExpressionBuilder, Expression, SqlBool, Kysely } from 'kysely';
import { answeredByIn, releasedOnly, type GroupFilter } from '../results/filters.ts';
import { addCells, measure, type CellRow } from '../results/cellTables.ts';
import type { FigureSource, MeasureTables, ValueCount } from '../results/figureSource.ts';
import type { Database } from '../db/schema.ts';
import { nextTurn } from '../nextTurn.ts';
import { PROXY_MODE } from '../../shared/coordinatorApi.ts';
import { NO_UNIT_KEY, NOT_RECORDED_KEY, OVERALL_THEME, SKIPPED_KEY } from './contribution.ts';

type SummaryTable = 'summary_cells' | 'summary_themes' | 'summary_values' | 'summary_comments';

/** The released cells of a margin: every summary table has the same cell columns. */
function inMargin(filter: GroupFilter) {
  return (eb: ExpressionBuilder<Database, SummaryTable>): Expression<SqlBool> => {
    const where = [eb('round_id', '=', filter.roundId), eb('audience', '=', filter.audience), releasedOnly(filter.roundId)];
    if (filter.unitId !== undefined) where.push(eb('unit_key', '=', filter.unitId ?? NO_UNIT_KEY));
    if (filter.audience === 'respondent') {
      // Without a mode, the persons themselves: every mode but answers someone else gave on their behalf.
      if (filter.answerMode === undefined) where.push(eb('answered_by', 'not in', answeredByIn(PROXY_MODE)));
      else where.push(filter.answerMode === 'not-recorded' ? eb('answered_by', '=', NOT_RECORDED_KEY) : eb('answered_by', 'in', answeredByIn(filter.answerMode)));
    }
    if (filter.withoutFlagged) where.push(eb('flagged', '=', 0));
    return eb.and(where);
  };
}

function released(roundId: number) {
  return (eb: ExpressionBuilder<Database, SummaryTable>) => eb.and([eb('round_id', '=', roundId), releasedOnly(roundId)]);
}

interface RawCell {
  audience: string;
  unit_key: number;
  answered_by: string;
  release_no: number;
  flagged: number;
  n: number | string | null;
}

function cellRows(rows: readonly RawCell[]): CellRow[] {
  return rows.map((r) => ({
    audience: r.audience,
    unitId: Number(r.unit_key) === NO_UNIT_KEY ? null : Number(r.unit_key),
    answeredBy: r.answered_by === NOT_RECORDED_KEY ? null : r.answered_by,
    release: Number(r.release_no),
    flagged: Number(r.flagged) === 1,
    n: Number(r.n ?? 0),
  }));
}

function byKey<T extends { key: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.key) ?? [];
    map.set(row.key, list);
    list.push(row);
  }
  return map;
}

async function measureTables(db: Kysely<Database>, roundId: number): Promise<MeasureTables> {
  const tables: MeasureTables = new Map();
  const cells = await db
    .selectFrom('summary_cells')
    .select(['audience', 'unit_key', 'answered_by', 'release_no', 'flagged', 'responses', 'pair_answered'])
    .where(released(roundId))
    .execute();
  addCells(tables, measure.count, cellRows(cells.map((c) => ({ ...c, n: c.responses }))));
  addCells(tables, measure.pair, cellRows(cells.map((c) => ({ ...c, n: c.pair_answered }))));

  const themes = await db.selectFrom('summary_themes').select(['audience', 'unit_key', 'answered_by', 'release_no', 'flagged', 'theme as key', 'responses as n']).where(released(roundId)).execute();
  for (const [theme, rows] of byKey(themes)) addCells(tables, theme === OVERALL_THEME ? measure.scored : measure.theme(theme), cellRows(rows));

  // The value counts are the largest table (units × answer modes × questions × values): read one
  // audience and unit at a time, with a turn for other requests in between, since SQLite answers synchronously.
  const questions: (RawCell & { key: string })[] = [];
  for (const { audience, unit_key } of new Map(cells.map((c) => [`${c.audience}|${c.unit_key}`, c])).values()) {
    const rows = await db
      .selectFrom('summary_values')
      .select(['audience', 'unit_key', 'answered_by', 'release_no', 'flagged', 'question_id as key', (eb) => eb.fn.sum<number>('n').as('n')])
      .where(released(roundId))
      .where('audience', '=', audience)
      .where('unit_key', '=', unit_key)
      .groupBy(['audience', 'unit_key', 'answered_by', 'release_no', 'flagged', 'question_id'])
      .execute();
    questions.push(...rows);
    await nextTurn();
  }
  for (const [questionId, rows] of byKey(questions)) addCells(tables, measure.question(questionId), cellRows(rows));

  const comments = await db.selectFrom('summary_comments').select(['audience', 'unit_key', 'answered_by', 'release_no', 'flagged', 'comment_key as key', 'n']).where(released(roundId)).execute();
  for (const [key, rows] of byKey(comments)) addCells(tables, measure.comment(key), cellRows(rows));
  return tables;
}

export const summaryFigures: FigureSource = {
  name: 'summaries',
  measureTables: (db, roundId) => measureTables(db, roundId),

  async themeScores(db, filter) {
    const rows = await db
      .selectFrom('summary_themes')
      .select(['theme', (eb) => eb.fn.sum<number>('responses').as('n'), (eb) => eb.fn.sum<number>('mean_sum').as('sum')])
      .where(inMargin(filter))
      .where('theme', '!=', OVERALL_THEME)
      .groupBy('theme')
      .execute();
    return rows.filter((r) => Number(r.n) > 0).map((r) => ({ theme: r.theme, n: Number(r.n), score: Number(r.sum) / Number(r.n) }));
  },

  async overallByUnit(db, filter) {
    const rows = await db
      .selectFrom('summary_themes')
      .select(['unit_key', (eb) => eb.fn.sum<number>('responses').as('n'), (eb) => eb.fn.sum<number>('mean_sum').as('sum')])
      .where(inMargin(filter))
      .where('theme', '=', OVERALL_THEME)
      .groupBy('unit_key')
      .execute();
    return new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [Number(r.unit_key) === NO_UNIT_KEY ? null : Number(r.unit_key), { n: Number(r.n), score: Number(r.sum) / Number(r.n) }]));
  },

  async valueCounts(db, filter) {
    const rows = await db
      .selectFrom('summary_values')
      .select(['question_id', 'value', (eb) => eb.fn.sum<number>('n').as('n')])
      .where(inMargin(filter))
      .groupBy(['question_id', 'value'])
      .execute();
    return rows.map((r) => ({ questionId: r.question_id, value: r.value === SKIPPED_KEY ? null : r.value, count: Number(r.n) }));
  },

  async valueCountsByUnit(db, filter) {
    const rows = await db
      .selectFrom('summary_values')
      .select(['unit_key', 'question_id', 'value', (eb) => eb.fn.sum<number>('n').as('n')])
      .where(inMargin(filter))
      .groupBy(['unit_key', 'question_id', 'value'])
      .execute();
    const byUnit = new Map<number | null, ValueCount[]>();
    for (const r of rows) {
      const unit = Number(r.unit_key) === NO_UNIT_KEY ? null : Number(r.unit_key);
      const list = byUnit.get(unit) ?? [];
      byUnit.set(unit, list);
      list.push({ questionId: r.question_id, value: r.value === SKIPPED_KEY ? null : r.value, count: Number(r.n) });
    }
    return byUnit;
  },

  async consistency(db, filter) {
    const flags = await db
      .selectFrom('summary_cells')
      .select([
        (eb) => eb.fn.sum<number>('same_answer').as('same'),
        (eb) => eb.fn.sum<number>('pair_answered').as('answered'),
        (eb) => eb.fn.sum<number>('pair_bad').as('bad'),
      ])
      .where(inMargin(filter))
      .executeTakeFirstOrThrow();
    const overall = await db
      .selectFrom('summary_themes')
      .select((eb) => eb.fn.sum<number>('responses').as('n'))
      .where(inMargin(filter))
      .where('theme', '=', OVERALL_THEME)
      .executeTakeFirstOrThrow();
    const n = Number(overall.n ?? 0);
    return { n, sameAnswer: Number(flags.same ?? 0), pairAnswered: Number(flags.answered ?? 0), pairInconsistent: Number(flags.bad ?? 0) };
  },
};
