/** What responses add to the summary tables, computed by hand for a few small cases. */
import { describe, expect, it } from 'vitest';
import { summarise, type StoredResponse } from '../../src/server/summaries/contribution.ts';

function response(overrides: Partial<StoredResponse>): StoredResponse {
  return { round_id: 7, audience: 'respondent', unit_id: 3, answered_by: 'alone', release_no: 1, answers: [], commentKeys: [], pairs: [], ...overrides };
}

const answer = (question_id: string, value: string | null, score: number | null, theme: string | null = 'bolig') => ({ question_id, value, score, theme });

describe('summary contributions', () => {
  it('sums two responses of one cell: counts, theme means (each person weighs the same), values with skips', () => {
    const rows = summarise([
      response({ answers: [answer('a', 'ja', 100), answer('b', 'nei', 0), answer('c', null, null)] }),
      response({ answers: [answer('a', 'ja', 100), answer('d', 'bade', 50, 'dagtid')] }),
    ]);
    expect(rows.cells).toEqual([{ round_id: 7, audience: 'respondent', unit_key: 3, answered_by: 'alone', release_no: 1, flagged: 0, responses: 2, same_answer: 0, pair_answered: 0, pair_bad: 0 }]);
    const themes = Object.fromEntries(rows.themes.map((t) => [t.theme, [t.responses, t.mean_sum]]));
    // bolig: means 50 and 100; dagtid: 50; overall: 50 and 75.
    expect(themes).toEqual({ bolig: [2, 150], dagtid: [1, 50], '*': [2, 125] });
    const values = Object.fromEntries(rows.values.map((v) => [`${v.question_id}=${v.value}`, v.n]));
    expect(values).toEqual({ 'a=ja': 2, 'b=nei': 1, 'c=': 1, 'd=bade': 1 });
  });

  it('puts no unit, an unrecorded answer mode and a release in cells of their own', () => {
    const rows = summarise([response({ unit_id: null, answered_by: null, release_no: 2 }), response({ release_no: 2 })]);
    expect(rows.cells.map((c) => [c.unit_key, c.answered_by, c.release_no, c.responses])).toEqual([
      [0, '', 2, 1],
      [3, 'alone', 2, 1],
    ]);
    // A response without scored answers has no overall score.
    expect(rows.themes).toEqual([]);
  });

  it('flags one and the same answer to at least three scored questions, and contradicted reversed pairs', () => {
    const same = response({ answers: [answer('a', 'ja', 100), answer('b', 'ja', 100), answer('c', 'ja', 0)], pairs: [['a', 'c']] });
    const twoOnly = response({ answers: [answer('a', 'ja', 100), answer('b', 'ja', 100)] });
    // Factual answers have no score and do not count towards the same-answer check.
    const mixed = response({ answers: [answer('a', 'ja', 100), answer('b', 'nei', 0), answer('f', 'ja', null), answer('c', 'bade', 50)], pairs: [['a', 'c']] });
    const rows = summarise([same, twoOnly, mixed]);
    // Flagged responses (same answer to everything, or a contradicted pair) sit in a cell of their own.
    expect(rows.cells.find((c) => c.flagged === 1)).toMatchObject({ responses: 1, same_answer: 1, pair_answered: 1, pair_bad: 1 });
    expect(rows.cells.find((c) => c.flagged === 0)).toMatchObject({ responses: 2, same_answer: 0, pair_answered: 1, pair_bad: 0 });
    const flaggedValues = rows.values.filter((v) => v.flagged === 1).map((v) => `${v.question_id}=${v.value}`).sort();
    expect(flaggedValues).toEqual(['a=ja', 'b=ja', 'c=ja']);
  });

  it('counts each comment field once per response that wrote in it', () => {
    const rows = summarise([response({ audience: 'relative', answered_by: null, commentKeys: ['bolig', 'final'] }), response({ audience: 'relative', answered_by: null, commentKeys: ['final'] })]);
    expect(Object.fromEntries(rows.comments.map((c) => [c.comment_key, c.n]))).toEqual({ bolig: 1, final: 2 });
  });
});
