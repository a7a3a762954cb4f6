/**
 * The favourable-share measure and its uncertainty, against values worked
 * out by hand: Wilson intervals at 0 %, 100 %, a half, and n = k (the
 * smallest group ever shown), the difference verdict, and which answers
 * count as favourable on the real questionnaires.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import { favourableCounts, favourableValues, substantiveValues } from '../../src/shared/results/favourable.ts';
import { compareShares, differenceInterval, wilson } from '../../src/shared/results/wilson.ts';
import { ownBlockQuestions } from '../../src/shared/favourableAnswer.ts';
import { blockShare } from '../../src/server/results/favourableShares.ts';
import type { Disclosed } from '../../src/shared/disclosure/linkedTable.ts';
import type { ValueCount } from '../../src/server/results/figureSource.ts';

describe('wilson', () => {
  // By hand, z = 1.96: centre = (p + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²).
  it('0 of 10: from 0 to z²/(n + z²) = 3.8415/13.8415', () => {
    const i = wilson(0, 10);
    expect(i.share).toBe(0);
    expect(i.low).toBe(0);
    expect(i.high).toBeCloseTo(0.27753, 4);
  });

  it('10 of 10: from n/(n + z²) = 10/13.8415 to 1', () => {
    const i = wilson(10, 10);
    expect(i.share).toBe(1);
    expect(i.low).toBeCloseTo(0.72247, 4);
    expect(i.high).toBe(1);
  });

  it('5 of 10: 0.2366 to 0.7634', () => {
    const i = wilson(5, 10);
    expect(i.low).toBeCloseTo(0.23659, 4);
    expect(i.high).toBeCloseTo(0.76341, 4);
  });

  it('n = k = 5: 3 of 5 is 0.2307 to 0.8824, 5 of 5 is 0.5655 to 1, 0 of 5 is 0 to 0.4345', () => {
    expect(wilson(3, 5).low).toBeCloseTo(0.23072, 4);
    expect(wilson(3, 5).high).toBeCloseTo(0.88238, 4);
    expect(wilson(5, 5).low).toBeCloseTo(0.56552, 4);
    expect(wilson(5, 5).high).toBe(1);
    expect(wilson(0, 5).high).toBeCloseTo(0.43448, 4);
  });

  it('refuses an empty group or more favourable than answers', () => {
    expect(() => wilson(0, 0)).toThrow(RangeError);
    expect(() => wilson(6, 5)).toThrow(RangeError);
  });
});

describe('compareShares', () => {
  it('22 against 22 people, 14 points apart (the issue’s noise): no certain difference', () => {
    const a = wilson(13, 22);
    const b = wilson(10, 22);
    expect(compareShares(a, b)).toBe('no-certain-difference');
    const d = differenceInterval(a, b);
    expect(d.low).toBeLessThan(0);
    expect(d.high).toBeGreaterThan(0);
  });

  it('20 of 22 against 5 of 22: certainly higher, and the other way round certainly lower', () => {
    // By hand: Wilson 20/22 = 0.7219–0.9747, 5/22 = 0.1012–0.4339; d = 0.6818, low = d − √(0.1872² + 0.2066²) = 0.403 > 0.
    const a = wilson(20, 22);
    const b = wilson(5, 22);
    expect(differenceInterval(a, b).low).toBeCloseTo(0.403, 2);
    expect(compareShares(a, b)).toBe('higher');
    expect(compareShares(b, a)).toBe('lower');
  });
});

describe('favourable answers', () => {
  const { questionnaires } = loadQuestionnaires();
  const respondent = questionnaires.find((q) => q.audience === 'respondent')!;
  const relative = questionnaires.find((q) => q.audience === 'relative')!;
  const question = (q: typeof respondent, id: string) => q.questions.find((x) => x.id === id)!;

  it('respondents: "Ja" where yes is good, "Nei" where no is good; factual questions have none', () => {
    expect([...favourableValues(question(respondent, 'bolig-trives'))!]).toEqual(['ja']);
    expect([...favourableValues(question(respondent, 'bolig-trist'))!]).toEqual(['nei']);
    expect(favourableValues(question(respondent, 'bolig-har-hjelp'))).toBeNull();
    expect([...substantiveValues(question(respondent, 'bolig-trives'))]).toEqual(['ja', 'bade', 'nei']);
  });

  it('relatives: 5 and 6 on the 1–6 scale; "vet ikke" and the relation question are left out', () => {
    expect([...favourableValues(question(relative, 'bolig-trives'))!]).toEqual(['5', '6']);
    expect(substantiveValues(question(relative, 'bolig-trives')).has('vet-ikke')).toBe(false);
    expect(favourableValues(question(relative, 'relasjon'))).toBeNull();
    expect(favourableValues({ scale: 'grad-1-6', reversed: true, kind: 'opinion' })).toEqual(new Set(['1', '2']));
  });

  it('counts favourable among substantive answers only', () => {
    const counts = new Map([['5', 3], ['6', 2], ['4', 4], ['1', 1], ['vet-ikke', 7]]);
    expect(favourableCounts(question(relative, 'bolig-trives'), counts)).toEqual({ favourable: 5, answered: 10 });
    expect(favourableCounts(question(respondent, 'bolig-har-hjelp'), new Map([['ja', 3]]))).toBeNull();
  });
});

describe("the share of a section reported apart (the relatives' own contact)", () => {
  const relative = loadQuestionnaires().questionnaires.find((q) => q.audience === 'relative')!;
  const apart = ownBlockQuestions(relative);
  const block = relative.questions.filter((question) => apart.has(question.id));
  const [a, b, c] = block as [(typeof block)[number], (typeof block)[number], (typeof block)[number]];
  const counts: ValueCount[] = [
    { questionId: a.id, value: '6', count: 4 },
    { questionId: a.id, value: '2', count: 2 },
    { questionId: a.id, value: 'vet-ikke', count: 3 },
    { questionId: a.id, value: null, count: 1 },
    { questionId: b.id, value: '5', count: 1 },
    { questionId: b.id, value: '1', count: 3 },
    { questionId: c.id, value: '6', count: 5 },
  ];

  it('pools the shown questions only, with the most that answered any one of them as its persons', () => {
    const disclosed = (id: string): Disclosed => (id === c.id ? { status: 'protecting', n: 5 } : { status: 'shown', n: 10 });
    const share = blockShare(block, counts, disclosed);
    // a: 4 favourable of 6 answered ("vet ikke" and the skip left out); b: 1 of 4; c hidden, not counted.
    // 5 of 10 answers, from at least 6 persons (a's 6 answers): the interval is Wilson's for 3 of 6.
    expect(share).toMatchObject({ status: 'shown', share: 0.5, answered: 10, people: 6 });
    expect(share.low).toBeCloseTo(wilson(3, 6).low, 10);
    expect(share.high).toBeCloseTo(wilson(3, 6).high, 10);
  });

  it('depends on nothing behind a hidden question: any answers there give the same share (nothing to subtract)', () => {
    const row = fc.record({
      questionId: fc.constantFrom(...block.map((question) => question.id)),
      value: fc.constantFrom<string | null>('1', '2', '3', '4', '5', '6', 'vet-ikke', null),
      count: fc.integer({ min: 1, max: 20 }),
    });
    const status = fc.constantFrom<Disclosed['status']>('shown', 'too-few', 'protecting', 'empty');
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.array(row, { maxLength: 30 }), fc.array(status, { minLength: block.length, maxLength: block.length }), (mine, other, statuses) => {
        const statusOf = new Map(block.map((question, i) => [question.id, statuses[i]!]));
        const disclosed = (id: string): Disclosed => ({ status: statusOf.get(id)!, n: 10 });
        const hidden = (count: ValueCount) => statusOf.get(count.questionId) !== 'shown';
        // The same published figures (the shown questions' answers), and anything at all behind the hidden ones.
        const swapped = [...mine.filter((count) => !hidden(count)), ...other.filter(hidden)];
        expect(blockShare(block, swapped, disclosed)).toEqual(blockShare(block, mine, disclosed));
      }),
      { numRuns: 300 },
    );
  });

  it('is hidden, with the reason of its first question, when none of its questions is shown', () => {
    expect(blockShare(block, counts, () => ({ status: 'too-few', n: 3 }))).toEqual({ status: 'too-few', share: null, low: null, high: null, answered: null, people: null });
    expect(blockShare(block, [], () => ({ status: 'shown', n: 0 }))).toMatchObject({ status: 'empty', share: null });
  });
});
