/**
 * What one stored response adds to its round's summary tables, and the sum
 * of many such additions. Pure: ingest calls it with the rows it is about
 * to insert, the migration that first filled the tables with the rows it
 * read back. Results read these sums instead of raw answers.
 *
 * A response sits in one cell: round × audience × unit × who answered ×
 * release (the release it counts in: the round's next one while it waits,
 * so making a release changes no row here) × flagged (1 when it gave one
 * answer to everything or contradicted a reversed pair: results can then
 * leave those responses out, still from the summaries alone).
 */

/** No unit named (relatives may leave it out); unit ids start at 1. */
export const NO_UNIT_KEY = 0;
/** The answer mode was not recorded (a survey ended before the helper question). */
export const NOT_RECORDED_KEY = '';
/** A deliberate skip in `summary_values`: option values are never empty. */
export const SKIPPED_KEY = '';
/** The theme row that counts every scored answer (but those kept apart, below): a response's overall score. */
export const OVERALL_THEME = '*';
/**
 * The theme stored with an answer to a question in a `compare: false`
 * section starts with this: its rows are a block of their own, never in a
 * theme figure or the overall score (`answers.theme` 'egen:informasjon').
 */
export const APART_PREFIX = 'egen:';
export const isApart = (theme: string | null): boolean => theme !== null && theme.startsWith(APART_PREFIX);

export interface CellKey {
  readonly round_id: number;
  readonly audience: string;
  readonly unit_key: number;
  readonly answered_by: string;
  readonly release_no: number;
  /** 1: the response gave the same answer to every scored question (at least three) or contradicted a reversed pair. */
  readonly flagged: number;
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
  /** The release it counts in (see responses.release_no). */
  readonly release_no: number;
  readonly answers: readonly { question_id: string; theme: string | null; value: string | null; score: number | null }[];
  readonly commentKeys: readonly string[];
  /** The reversed pairs of the questionnaire version it answered, as [question, its reversed twin]. */
  readonly pairs: readonly (readonly [string, string])[];
}

/** A same answer to every opinion question counts only from this many answers. */
const SAME_ANSWER_MIN = 3;

function cellOf(response: StoredResponse, flagged: boolean): CellKey {
  return {
    round_id: response.round_id,
    audience: response.audience,
    unit_key: response.unit_id ?? NO_UNIT_KEY,
    answered_by: response.answered_by ?? NOT_RECORDED_KEY,
    release_no: response.release_no,
    flagged: flagged ? 1 : 0,
  };
}

/** A response's consistency flags, from its scored answers. */
function flagsOf(response: StoredResponse): { sameAnswer: boolean; pairAnswered: boolean; pairBad: boolean } {
  const scoreOf = new Map<string, number>();
  let firstValue: string | null = null;
  let sameValue = true;
  for (const answer of response.answers) {
    if (answer.score === null) continue;
    scoreOf.set(answer.question_id, answer.score);
    if (scoreOf.size === 1) firstValue = answer.value;
    else if (answer.value !== firstValue) sameValue = false;
  }
  const answeredPairs = response.pairs.filter(([x, y]) => scoreOf.has(x) && scoreOf.has(y));
  return {
    sameAnswer: scoreOf.size >= SAME_ANSWER_MIN && sameValue,
    pairAnswered: answeredPairs.length > 0,
    pairBad: answeredPairs.some(([x, y]) => Math.abs(scoreOf.get(x)! - scoreOf.get(y)!) >= 100),
  };
}

type CellRow = SummaryRows['cells'][number];
type ThemeRow = SummaryRows['themes'][number];
type ValueRow = SummaryRows['values'][number];
type CommentRow = SummaryRows['comments'][number];

/** One cell's rows while summing, looked up by the strings the answers already hold (no joined keys). */
interface CellSums {
  readonly cell: CellRow;
  readonly themes: Map<string, ThemeRow>;
  readonly values: Map<string, Map<string, ValueRow>>;
  readonly comments: Map<string, CommentRow>;
}

function sumsOf(cells: Map<string, CellSums>, key: CellKey): CellSums {
  const id = `${key.round_id}|${key.audience}|${key.unit_key}|${key.answered_by}|${key.release_no}|${key.flagged}`;
  let sums = cells.get(id);
  if (!sums) {
    sums = { cell: { ...key, responses: 0, same_answer: 0, pair_answered: 0, pair_bad: 0 }, themes: new Map(), values: new Map(), comments: new Map() };
    cells.set(id, sums);
  }
  return sums;
}

/** The summed additions of `responses`, one row per cell (and theme, question value or comment section). */
export function summarise(responses: Iterable<StoredResponse>): SummaryRows {
  const cells = new Map<string, CellSums>();
  for (const response of responses) {
    const flags = flagsOf(response);
    const key = cellOf(response, flags.sameAnswer || flags.pairBad);
    const sums = sumsOf(cells, key);

    const byTheme = new Map<string, { sum: number; count: number }>();
    const addScore = (theme: string, score: number) => {
      const theme_ = byTheme.get(theme);
      if (theme_) {
        theme_.sum += score;
        theme_.count += 1;
      } else byTheme.set(theme, { sum: score, count: 1 });
    };
    for (const answer of response.answers) {
      const value = answer.value ?? SKIPPED_KEY;
      let byValue = sums.values.get(answer.question_id);
      if (!byValue) sums.values.set(answer.question_id, (byValue = new Map()));
      const row = byValue.get(value);
      if (row) row.n += 1;
      else byValue.set(value, { ...key, question_id: answer.question_id, value, n: 1 });
      if (answer.score === null) continue;
      if (answer.theme !== null) addScore(answer.theme, answer.score);
      if (!isApart(answer.theme)) addScore(OVERALL_THEME, answer.score);
    }

    sums.cell.responses += 1;
    if (flags.sameAnswer) sums.cell.same_answer += 1;
    if (flags.pairAnswered) sums.cell.pair_answered += 1;
    if (flags.pairBad) sums.cell.pair_bad += 1;

    for (const [theme, { sum, count }] of byTheme) {
      const row = sums.themes.get(theme);
      if (row) {
        row.responses += 1;
        row.mean_sum += sum / count;
      } else sums.themes.set(theme, { ...key, theme, responses: 1, mean_sum: sum / count });
    }
    for (const commentKey of response.commentKeys) {
      const row = sums.comments.get(commentKey);
      if (row) row.n += 1;
      else sums.comments.set(commentKey, { ...key, comment_key: commentKey, n: 1 });
    }
  }
  const all = [...cells.values()];
  return {
    cells: all.map((c) => c.cell),
    themes: all.flatMap((c) => [...c.themes.values()]),
    values: all.flatMap((c) => [...c.values.values()].flatMap((byValue) => [...byValue.values()])),
    comments: all.flatMap((c) => [...c.comments.values()]),
  };
}
