/**
 * What one stored response adds to its round's summary tables, and the sum
 * of many such additions. Pure: ingest calls it with the rows it is about
 * to insert, the migration that first filled the tables with the rows it
 * read back. Results read these sums instead of raw answers.
 *
 * A response sits in one cell: round × audience × unit × who answered ×
 * release (0 while it waits for one; a release relabels the waiting cells).
 */

/** No unit named (relatives may leave it out); unit ids start at 1. */
export const NO_UNIT_KEY = 0;
/** The answer mode was not recorded (a survey ended before the helper question). */
export const NOT_RECORDED_KEY = '';
/** A deliberate skip in `summary_values`: option values are never empty. */
export const SKIPPED_KEY = '';
/** The theme row that counts every scored answer: a response's overall score. */
export const OVERALL_THEME = '*';
export const WAITING_RELEASE = 0;

export interface CellKey {
  readonly round_id: number;
  readonly audience: string;
  readonly unit_key: number;
  readonly answered_by: string;
  readonly release_no: number;
}

export interface SummaryRows {
  readonly cells: (CellKey & { responses: number; same_answer: number; pair_answered: number; pair_bad: number })[];
  readonly themes: (CellKey & { theme: string; responses: number; mean_sum: number })[];
  readonly values: (CellKey & { question_id: string; value: string; n: number })[];
  readonly comments: (CellKey & { comment_key: string; n: number })[];
}

/** A response as its stored rows describe it. */
export interface StoredResponse {
  readonly round_id: number;
  readonly audience: string;
  readonly unit_id: number | null;
  readonly answered_by: string | null;
  readonly answers: readonly { question_id: string; theme: string | null; value: string | null; score: number | null }[];
  readonly commentKeys: readonly string[];
  /** The reversed pairs of the questionnaire version it answered, as [question, its reversed twin]. */
  readonly pairs: readonly (readonly [string, string])[];
}

/** A same answer to every opinion question counts only from this many answers. */
const SAME_ANSWER_MIN = 3;

type Keyed<T> = Map<string, T>;

function cellOf(response: StoredResponse, release: number): CellKey {
  return {
    round_id: response.round_id,
    audience: response.audience,
    unit_key: response.unit_id ?? NO_UNIT_KEY,
    answered_by: response.answered_by ?? NOT_RECORDED_KEY,
    release_no: release,
  };
}

const keyOf = (cell: CellKey, ...rest: string[]) => JSON.stringify([cell.round_id, cell.audience, cell.unit_key, cell.answered_by, cell.release_no, ...rest]);

function bump<T>(map: Keyed<T>, key: string, fresh: () => T, add: (row: T) => void): void {
  let row = map.get(key);
  if (!row) {
    row = fresh();
    map.set(key, row);
  }
  add(row);
}

/** The summed additions of `responses`, one row per cell (and theme, question value or comment section). */
export function summarise(responses: Iterable<StoredResponse>, release = WAITING_RELEASE): SummaryRows {
  const cells: Keyed<SummaryRows['cells'][number]> = new Map();
  const themes: Keyed<SummaryRows['themes'][number]> = new Map();
  const values: Keyed<SummaryRows['values'][number]> = new Map();
  const comments: Keyed<SummaryRows['comments'][number]> = new Map();

  for (const response of responses) {
    const cell = cellOf(response, release);
    const scored = response.answers.filter((a) => a.score !== null);
    const distinctValues = new Set(scored.map((a) => a.value));
    const scoreOf = new Map(scored.map((a) => [a.question_id, a.score!]));
    const answeredPairs = response.pairs.filter(([x, y]) => scoreOf.has(x) && scoreOf.has(y));
    const contradicted = answeredPairs.some(([x, y]) => Math.abs(scoreOf.get(x)! - scoreOf.get(y)!) >= 100);
    bump(
      cells,
      keyOf(cell),
      () => ({ ...cell, responses: 0, same_answer: 0, pair_answered: 0, pair_bad: 0 }),
      (row) => {
        row.responses += 1;
        if (scored.length >= SAME_ANSWER_MIN && distinctValues.size === 1) row.same_answer += 1;
        if (answeredPairs.length > 0) row.pair_answered += 1;
        if (contradicted) row.pair_bad += 1;
      },
    );

    const byTheme = new Map<string, number[]>();
    for (const answer of scored) {
      if (answer.theme !== null) byTheme.set(answer.theme, [...(byTheme.get(answer.theme) ?? []), answer.score!]);
    }
    if (scored.length > 0) byTheme.set(OVERALL_THEME, scored.map((a) => a.score!));
    for (const [theme, scores] of byTheme) {
      const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
      bump(themes, keyOf(cell, theme), () => ({ ...cell, theme, responses: 0, mean_sum: 0 }), (row) => {
        row.responses += 1;
        row.mean_sum += mean;
      });
    }

    for (const answer of response.answers) {
      const value = answer.value ?? SKIPPED_KEY;
      bump(values, keyOf(cell, answer.question_id, value), () => ({ ...cell, question_id: answer.question_id, value, n: 0 }), (row) => {
        row.n += 1;
      });
    }
    for (const key of response.commentKeys) {
      bump(comments, keyOf(cell, key), () => ({ ...cell, comment_key: key, n: 0 }), (row) => {
        row.n += 1;
      });
    }
  }
  return { cells: [...cells.values()], themes: [...themes.values()], values: [...values.values()], comments: [...comments.values()] };
}
