/**
 * The names of the measures disclosure control audits (who a figure
 * counts: every response, those shown a question, those with a score in a
 * theme, those with any score, those who answered a reversed pair, those
 * who wrote a comment) and the cell labels of their tables.
 */
import { ANSWER_MODE_OF } from '../../shared/coordinatorApi.ts';
import type { Cell } from '../../shared/disclosure/linkedTable.ts';
import type { Audience } from '../../shared/questionnaire.ts';
import type { MeasureTables } from './figureSource.ts';

export const NO_UNIT = 'none';
export const NOT_RECORDED = 'not-recorded';
/** Relatives answer for themselves: their table has no answer-mode dimension. */
export const NO_MODE = 'none';

export const measure = {
  count: 'count',
  /** Responses with at least one scored answer: a unit's overall score and the same-answer share. */
  scored: 'scored',
  pair: 'pair',
  theme: (theme: string) => `theme:${theme}`,
  question: (questionId: string) => `question:${questionId}`,
  comment: (key: string) => `comment:${key}`,
} as const;

export interface CellRow {
  readonly audience: string;
  /** null: no unit named. */
  readonly unitId: number | null;
  /** null: not recorded. */
  readonly answeredBy: string | null;
  readonly release: number;
  /** Whether the cell's responses were flagged by the consistency checks. */
  readonly flagged: boolean;
  readonly n: number;
}

function cellOf(row: CellRow): { audience: Audience; cell: Cell } {
  const audience = row.audience as Audience;
  const mode = audience === 'relative' ? NO_MODE : row.answeredBy === null ? NOT_RECORDED : ANSWER_MODE_OF[row.answeredBy as keyof typeof ANSWER_MODE_OF];
  return { audience, cell: { unit: row.unitId === null ? NO_UNIT : String(row.unitId), mode, release: row.release, flagged: row.flagged, n: row.n } };
}

/** Adds rows to the table of measure `name` (its full key; empty cells are left out). */
export function addCells(tables: MeasureTables, name: string, rows: Iterable<CellRow>): void {
  for (const row of rows) {
    if (row.n === 0) continue;
    const { audience, cell } = cellOf(row);
    const byMeasure = tables.get(audience) ?? new Map<string, Cell[]>();
    tables.set(audience, byMeasure);
    const cells = byMeasure.get(name) ?? [];
    byMeasure.set(name, cells);
    cells.push(cell);
  }
}
