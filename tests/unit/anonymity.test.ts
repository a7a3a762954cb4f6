/** The anonymity rule: small groups hidden, and never recoverable by subtraction from a shown total. */
import { describe, expect, it } from 'vitest';
import { effectiveThreshold, suppressSmallGroups } from '../../src/shared/anonymity.ts';

const groups = (...ns: number[]) => ns.map((n, i) => ({ key: `u${i + 1}`, n }));

describe('suppressSmallGroups', () => {
  it('hides groups below the threshold and nothing else when no total is shown', () => {
    expect(suppressSmallGroups(groups(6, 2, 9), 5, false)).toEqual({ hidden: new Set(['u2']), totalHidden: false });
  });

  it('hides the other of two units when one is hidden and the total is shown', () => {
    expect(suppressSmallGroups(groups(6, 2), 5, true)).toEqual({ hidden: new Set(['u1', 'u2']), totalHidden: false });
  });

  it('hides the smallest visible unit until the hidden ones together reach the threshold', () => {
    expect(suppressSmallGroups(groups(6, 2, 5), 5, true).hidden).toEqual(new Set(['u2', 'u3']));
    expect(suppressSmallGroups(groups(9, 3, 4, 8), 5, true).hidden).toEqual(new Set(['u2', 'u3']));
    expect(suppressSmallGroups(groups(9, 1, 1, 8), 5, true).hidden).toEqual(new Set(['u2', 'u3', 'u4']));
  });

  it('ignores empty groups and says when even the total would reveal a small group', () => {
    expect(suppressSmallGroups(groups(0, 3), 5, true)).toEqual({ hidden: new Set(['u2']), totalHidden: true });
    expect(suppressSmallGroups(groups(0, 7), 5, true)).toEqual({ hidden: new Set(), totalHidden: false });
  });

  it('never lets a municipality go below three, and defaults to five', () => {
    expect(effectiveThreshold(null)).toBe(5);
    expect(effectiveThreshold(2)).toBe(3);
    expect(effectiveThreshold(8)).toBe(8);
  });
});
