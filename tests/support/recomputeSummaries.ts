/**
 * The test oracle for the summary tables: the rows the four `summary_*`
 * tables should hold, recomputed from the raw `responses`, `answers` and
 * `comments` rows with plain GROUP BY queries (the same SQL on SQLite and
 * PostgreSQL). Independent of src/server/summaries/contribution.ts on
 * purpose: only the questionnaires' reversed pairs come from the server
 * code (pairsOf), as the questionnaire defines them.
 *
 * A cell is round × audience × unit × who answered × release × flagged
 * (same answer to every scored question, at least three, or a contradicted
 * reversed pair), with the summary tables' keys for "none": no unit → 0, not recorded → '', a
 * skipped answer → ''. The release is the response's release_no (for a
 * waiting response the round's next release; null, only in databases from
 * before migration 006, → 0).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { pairsOf } from '../../src/shared/favourableAnswer.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';

/** One row of a summary table: its key columns and its counts (mean_sum a sum of means). */
export type SummaryRow = Record<string, string | number>;

/** The four tables: cells (responses, same_answer, pair_answered, pair_bad), themes (responses, mean_sum), values (n), comments (n). */
export interface SummaryTables {
  cells: SummaryRow[];
  themes: SummaryRow[];
  values: SummaryRow[];
  comments: SummaryRow[];
}

export type SummaryTableName = keyof SummaryTables;
export const SUMMARY_TABLES: readonly SummaryTableName[] = ['cells', 'themes', 'values', 'comments'];

/** The columns that name a row of each table (its primary key), and the ones that count. */
const CELL_COLUMNS = ['round_id', 'audience', 'unit_key', 'answered_by', 'release_no', 'flagged'];
export const KEY_COLUMNS: Record<SummaryTableName, readonly string[]> = {
  cells: CELL_COLUMNS,
  themes: [...CELL_COLUMNS, 'theme'],
  values: [...CELL_COLUMNS, 'question_id', 'value'],
  comments: [...CELL_COLUMNS, 'comment_key'],
};
export const COUNT_COLUMNS: Record<SummaryTableName, readonly string[]> = {
  cells: ['responses', 'same_answer', 'pair_answered', 'pair_bad'],
  themes: ['responses', 'mean_sum'],
  values: ['n'],
  comments: ['n'],
};

/** The cell of response `r` (with its flags `f`, see flagsOf), as the summary tables key it. */
const cellColumns = sql`r.round_id as round_id, r.audience as audience, coalesce(r.unit_id, 0) as unit_key,
  coalesce(r.answered_by, '') as answered_by, coalesce(r.release_no, 0) as release_no, f.flagged as flagged`;

/** Answer `a` is the first half of a reversed pair whose twin is answer `b`, in the questionnaire version response `r` answered. */
function pairCondition(questionnaires: readonly Questionnaire[]): RawBuilder<unknown> {
  const conditions = questionnaires.flatMap((q) =>
    pairsOf(q).map(
      ([first, twin]) =>
        sql`(r.questionnaire_id = ${q.id} and r.questionnaire_version = ${q.version} and a.question_id = ${first} and b.question_id = ${twin})`,
    ),
  );
  return conditions.length > 0 ? sql`(${sql.join(conditions, sql` or `)})` : sql`(1 = 0)`;
}

function numbers(rows: readonly object[], strings: readonly string[]): SummaryRow[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, strings.includes(k) ? String(v) : Number(v)])));
}
const TEXT_COLUMNS = ['audience', 'answered_by', 'theme', 'question_id', 'value', 'comment_key'];

/** `r` is one of these rounds (every round without a list). */
function ofRounds(roundIds: readonly number[] | undefined): RawBuilder<unknown> {
  return roundIds ? sql`r.round_id in (${sql.join(roundIds.length > 0 ? roundIds : [-1])})` : sql`1 = 1`;
}

/**
 * Per response: its scored answers, how many distinct values they have, whether it answered
 * both halves of a reversed pair, whether it contradicted itself on one (100 apart), and so
 * whether it is flagged. A subquery `f` (response_id, same, answered_pair, bad, flagged).
 */
function flagsOf(questionnaires: readonly Questionnaire[]): RawBuilder<unknown> {
  return sql`(
    select r.id as response_id,
      case when coalesce(s.answered, 0) >= 3 and s.distinct_values = 1 then 1 else 0 end as same,
      case when p.response_id is not null then 1 else 0 end as answered_pair,
      coalesce(p.bad, 0) as bad,
      case when (coalesce(s.answered, 0) >= 3 and s.distinct_values = 1) or coalesce(p.bad, 0) = 1 then 1 else 0 end as flagged
    from responses r
    left join (
      select response_id, count(*) as answered, count(distinct value) as distinct_values
      from answers where score is not null group by response_id
    ) s on s.response_id = r.id
    left join (
      select a.response_id as response_id, max(case when abs(a.score - b.score) >= 100 then 1 else 0 end) as bad
      from answers a
      join answers b on b.response_id = a.response_id
      join responses r on r.id = a.response_id
      where a.score is not null and b.score is not null and ${pairCondition(questionnaires)}
      group by a.response_id
    ) p on p.response_id = r.id
  ) f`;
}

/** Every summary row the raw rows call for (of some rounds, or all), from SQL over the raw rows only. */
export async function recomputeSummaries(db: Kysely<Database>, questionnaires: readonly Questionnaire[], roundIds?: readonly number[]): Promise<SummaryTables> {
  const where = ofRounds(roundIds);
  const flags = flagsOf(questionnaires);
  const cells = await sql<Record<string, unknown>>`
    select ${cellColumns},
      count(*) as responses,
      sum(f.same) as same_answer,
      sum(f.answered_pair) as pair_answered,
      sum(f.bad) as pair_bad
    from responses r
    join ${flags} on f.response_id = r.id
    where ${where}
    group by 1, 2, 3, 4, 5, 6`.execute(db);

  // Per response and theme the mean of its scored answers; '*' is the mean of all of them but those kept apart ('egen:…').
  const themes = await sql<Record<string, unknown>>`
    select ${cellColumns}, t.theme as theme, count(*) as responses, sum(t.mean) as mean_sum
    from (
      select response_id, theme, avg(score) as mean from answers
      where score is not null and theme is not null group by response_id, theme
      union all
      select response_id, '*' as theme, avg(score) as mean from answers
      where score is not null and (theme is null or theme not like 'egen:%') group by response_id
    ) t
    join responses r on r.id = t.response_id
    join ${flags} on f.response_id = r.id
    where ${where}
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db);

  const values = await sql<Record<string, unknown>>`
    select ${cellColumns}, a.question_id as question_id, coalesce(a.value, '') as value, count(*) as n
    from answers a join responses r on r.id = a.response_id
    join ${flags} on f.response_id = r.id
    where ${where}
    group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);

  const comments = await sql<Record<string, unknown>>`
    select ${cellColumns}, c.comment_key as comment_key, count(*) as n
    from comments c join responses r on r.id = c.response_id
    join ${flags} on f.response_id = r.id
    where ${where}
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db);

  return {
    cells: numbers(cells.rows, TEXT_COLUMNS),
    themes: numbers(themes.rows, TEXT_COLUMNS),
    values: numbers(values.rows, TEXT_COLUMNS),
    comments: numbers(comments.rows, TEXT_COLUMNS),
  };
}

/** What the summary tables hold now (for some rounds, or all), in the same shape. */
export async function readSummaries(db: Kysely<Database>, roundIds?: readonly number[]): Promise<SummaryTables> {
  const read = (table: 'summary_cells' | 'summary_themes' | 'summary_values' | 'summary_comments') => {
    const query = db.selectFrom(table).selectAll();
    return roundIds ? query.where('round_id', 'in', roundIds.length > 0 ? roundIds : [-1]).execute() : query.execute();
  };
  const [cells, themes, values, comments] = await Promise.all([read('summary_cells'), read('summary_themes'), read('summary_values'), read('summary_comments')]);
  return {
    cells: numbers(cells, TEXT_COLUMNS),
    themes: numbers(themes, TEXT_COLUMNS),
    values: numbers(values, TEXT_COLUMNS),
    comments: numbers(comments, TEXT_COLUMNS),
  };
}

const keyOf = (table: SummaryTableName, row: Record<string, unknown>) => JSON.stringify(KEY_COLUMNS[table].map((column) => row[column]));
const allZero = (table: SummaryTableName, row: Record<string, unknown>) => COUNT_COLUMNS[table].every((column) => Number(row[column]) === 0);

function sameNumber(column: string, a: number, b: number): boolean {
  // mean_sum is a sum of means, added up in another order on each side.
  if (column === 'mean_sum') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/**
 * Where the summary tables differ from the recomputation, one line per
 * differing row (empty when they agree). Rows whose counts are all zero
 * are left out on both sides; `zeroRows` lists those the summary tables
 * hold (a cell's zero consistency flags are fine: only its response count
 * makes it a zero row).
 */
export function compareSummaries(actual: SummaryTables, expected: SummaryTables): { differences: string[]; zeroRows: string[] } {
  const differences: string[] = [];
  const zeroRows: string[] = [];
  for (const table of SUMMARY_TABLES) {
    const zero = (row: Record<string, unknown>) => (table === 'cells' ? Number(row.responses) === 0 : allZero(table, row));
    for (const row of actual[table]) if (zero(row)) zeroRows.push(`${table} ${keyOf(table, row)}`);
    const mine = new Map(actual[table].filter((r) => !zero(r)).map((r) => [keyOf(table, r), r]));
    const theirs = new Map(expected[table].filter((r) => !zero(r)).map((r) => [keyOf(table, r), r]));
    for (const key of [...new Set([...mine.keys(), ...theirs.keys()])].sort()) {
      const a = mine.get(key);
      const b = theirs.get(key);
      if (!a || !b) {
        differences.push(`${table} ${key}: summary ${a ? JSON.stringify(COUNT_COLUMNS[table].map((c) => a[c])) : 'missing'}, raw ${b ? JSON.stringify(COUNT_COLUMNS[table].map((c) => b[c])) : 'missing'}`);
        continue;
      }
      const off = COUNT_COLUMNS[table].filter((column) => !sameNumber(column, Number(a[column]), Number(b[column])));
      if (off.length > 0) differences.push(`${table} ${key}: ${off.map((c) => `${c} summary ${String(a[c])} ≠ raw ${String(b[c])}`).join(', ')}`);
    }
  }
  return { differences, zeroRows };
}

/** The tables sorted by key, for exact before/after comparisons. */
export function sortedSummaries(tables: SummaryTables): SummaryTables {
  const sorted = (table: SummaryTableName, rows: SummaryRow[]) =>
    [...rows].sort((x, y) => (keyOf(table, x) < keyOf(table, y) ? -1 : keyOf(table, x) > keyOf(table, y) ? 1 : 0));
  return {
    cells: sorted('cells', tables.cells),
    themes: sorted('themes', tables.themes),
    values: sorted('values', tables.values),
    comments: sorted('comments', tables.comments),
  };
}
