/**
 * The disclosure module on tables small enough to check by hand: the exact
 * audit, the fall-back from publishing answer modes to hiding them, labels
 * that would pin a count, releases over time and a threshold changed later.
 */
import { describe, expect, it } from 'vitest';
import { isolatesFewerThan } from '../../src/shared/disclosure/audit.ts';
import { disclose, releaseKeepsEveryFigure, type Cell, type TableSpec } from '../../src/shared/disclosure/linkedTable.ts';
import { progressStatus, progressTotal } from '../../src/shared/disclosure/progress.ts';

const cell = (unit: string, mode: string, n: number, release = 1): Cell => ({ unit, mode, n, release });
const statuses = (result: ReturnType<typeof disclose>, clean = false) =>
  Object.fromEntries([...result].filter(([group]) => group.startsWith('clean:') === clean).map(([group, d]) => [group, d.status]));

describe('isolatesFewerThan', () => {
  it('finds a small cell that is the difference of two published sums', () => {
    // total (2 + 9) and the big cell alone: the small one follows.
    expect(isolatesFewerThan([2, 9], [[0, 1], [1]], 5)).toBe(true);
  });

  it('accepts sums whose every combination covers at least k responses', () => {
    expect(isolatesFewerThan([2, 3, 9], [[0, 1, 2], [2]], 5)).toBe(false);
  });

  it('finds a small difference even when no single published sum is small', () => {
    // (a + b) and (a + c) published with b and c small: b − c is known, 2 + 1 responses.
    expect(isolatesFewerThan([20, 2, 1], [[0, 1], [0, 2]], 5)).toBe(true);
  });
});

describe('disclose', () => {
  const spec: TableSpec = { units: ['a', 'b', 'c'], modes: ['m1', 'm2'] };

  it('hides a small unit and the next smallest, and says which is which', () => {
    const result = disclose(spec, [cell('a', 'm1', 2), cell('b', 'm2', 6), cell('c', 'm2', 9)], [5], 5);
    expect(statuses(result)).toEqual({ total: 'shown', 'unit:a': 'too-few', 'unit:b': 'protecting', 'unit:c': 'shown', 'mode:m1': 'too-few', 'mode:m2': 'protecting' });
  });

  it('stops publishing answer modes when a mode minus a unit would give a small unit away', () => {
    // Unit c sits wholly in mode m1, so m1 − c = a (2 people): modes must go.
    const cells = [cell('a', 'm1', 2), cell('b', 'm2', 6), cell('c', 'm1', 6)];
    const result = disclose(spec, cells, [5], 5);
    expect(statuses(result)).toEqual({ total: 'shown', 'unit:a': 'too-few', 'unit:b': 'protecting', 'unit:c': 'shown', 'mode:m1': 'protecting', 'mode:m2': 'protecting' });
  });

  it('hides the total too when the labels alone would pin a small count', () => {
    // "Too few" (1–4) and "hidden to protect" (5 or more) with a total of 6 leave only 1 + 5.
    const result = disclose({ units: ['a', 'b'], modes: [] }, [cell('a', 'none', 1), cell('b', 'none', 5)], [5], 5);
    expect(result.get('total')).toEqual({ status: 'protecting', n: 6 });
  });

  it('says "no responses" for an empty group', () => {
    expect(disclose(spec, [cell('a', 'm1', 7)], [5], 5).get('unit:b')).toEqual({ status: 'empty', n: 0 });
  });

  it('shows only what both thresholds allow after the threshold was raised', () => {
    const cells = [cell('a', 'm1', 6), cell('b', 'm1', 7), cell('c', 'm2', 12)];
    expect(disclose(spec, cells, [5], 5).get('unit:a')!.status).toBe('shown');
    expect(disclose(spec, cells, [5], 8).get('unit:a')!.status).toBe('too-few');
    // Lowering it never shows more than the release was made with.
    expect(disclose(spec, [cell('a', 'm1', 4), ...cells.slice(1)], [5], 3).get('unit:a')!.status).toBe('too-few');
  });
});

describe('releases over time', () => {
  const spec: TableSpec = { units: ['x', 'y'], modes: [] };
  const first = [cell('x', 'none', 10), cell('y', 'none', 10)];

  it('refuses a release in which a published unit would change by fewer than k responses', () => {
    expect(releaseKeepsEveryFigure(spec, [...first, cell('x', 'none', 1, 2), cell('y', 'none', 5, 2)], [5, 5])).toBe(false);
  });

  it('allows one in which every published figure changes by k or more', () => {
    expect(releaseKeepsEveryFigure(spec, [...first, cell('x', 'none', 5, 2), cell('y', 'none', 6, 2)], [5, 5])).toBe(true);
  });

  it('allows one that keeps what the first showed even when answer modes stay hidden', () => {
    // As in "a mode minus a unit": modes could not be shown in release 1 and still cannot.
    const linked: TableSpec = { units: ['a', 'b', 'c'], modes: ['m1', 'm2'] };
    const cells = [cell('a', 'm1', 2), cell('b', 'm2', 6), cell('c', 'm1', 6), cell('b', 'm2', 5, 2), cell('c', 'm1', 5, 2)];
    expect(releaseKeepsEveryFigure(linked, cells, [5, 5])).toBe(true);
    expect(statuses(disclose(linked, cells, [5, 5], 5))).toMatchObject({ total: 'shown', 'unit:c': 'shown', 'unit:a': 'too-few', 'mode:m1': 'protecting' });
  });
});

describe('live progress', () => {
  it('says none, fewer than k or enough, and an exact total only while no unit is small', () => {
    expect([0, 1, 4, 5, 40].map((n) => progressStatus(n, 5))).toEqual(['none', 'few', 'few', 'enough', 'enough']);
    expect(progressTotal([0, 6, 12], 5)).toBe(18);
    expect(progressTotal([2, 6, 12], 5)).toBeNull();
  });
});

describe('without flagged responses', () => {
  const spec: TableSpec = { units: ['a', 'b'], modes: [] };
  const flagged = (unit: string, n: number): Cell => ({ unit, mode: 'none', n, release: 1, flagged: true });

  it('hides a figure without flagged responses when the whole minus it would give away a few flagged ones', () => {
    // Unit a: 6 + 2 flagged. Its whole figure minus its clean one is the 2 flagged responses' figure.
    const result = disclose(spec, [cell('a', 'none', 6), flagged('a', 2), cell('b', 'none', 10)], [5], 5);
    expect(statuses(result)).toEqual({ total: 'shown', 'unit:a': 'shown', 'unit:b': 'shown' });
    expect(result.get('clean:unit:a')).toEqual({ status: 'protecting', n: 6 });
    expect(result.get('clean:total')).toEqual({ status: 'protecting', n: 16 });
  });

  it('shows it where the flagged responses are none or at least k', () => {
    const result = disclose(spec, [cell('a', 'none', 6), flagged('a', 5), cell('b', 'none', 10)], [5], 5);
    expect(statuses(result, true)).toEqual({ 'clean:total': 'shown', 'clean:unit:a': 'shown', 'clean:unit:b': 'shown' });
    expect(result.get('clean:total')!.n).toBe(16);
  });

  it('keeps clean units back when, with the clean total, they would pin a few flagged responses elsewhere', () => {
    // b has 1 flagged: clean b is hidden, and so is clean a: clean total − clean a = clean b, and whole b − clean b = 1.
    const result = disclose(spec, [cell('a', 'none', 6), flagged('a', 5), cell('b', 'none', 10), flagged('b', 1)], [5], 5);
    expect(isolatesFewerThan([6, 5, 10, 1], [[0, 1, 2, 3], [0, 1], [2, 3], [0, 2], [0]], 5)).toBe(true);
    expect(result.get('clean:unit:b')!.status).not.toBe('shown');
    expect(result.get('clean:unit:a')!.status).not.toBe('shown');
    // The clean total alone is safe: every combination covers at least 5 responses.
    expect(result.get('clean:total')).toEqual({ status: 'shown', n: 16 });
  });
});

describe('answers given by someone else', () => {
  const spec: TableSpec = { units: ['a', 'b'], modes: ['self'], outside: ['proxy'] };
  const cells = [cell('a', 'self', 6), cell('b', 'self', 6), cell('a', 'proxy', 2)];

  it('are a margin of their own, outside the total and the units', () => {
    const result = disclose(spec, cells, [5], 5);
    expect(result.get('total')).toEqual({ status: 'shown', n: 12 });
    expect(result.get('unit:a')).toEqual({ status: 'shown', n: 6 });
    expect(result.get('mode:proxy')).toEqual({ status: 'too-few', n: 2 });
  });

  it('hide the persons’ own count when every response is counted elsewhere and the rest is a few proxy answers', () => {
    // 14 responses are known from progress; showing 12 of them as the persons' own would give the 2 away.
    const result = disclose(spec, cells, [5], 5, cells, true);
    expect(result.get('total')!.status).not.toBe('shown');
    expect(result.get('unit:a')!.status).not.toBe('shown');
  });
});
