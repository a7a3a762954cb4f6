/** The anonymity threshold: five by default, never below three. */
import { describe, expect, it } from 'vitest';
import { effectiveThreshold } from '../../src/shared/anonymity.ts';

const groups = (...ns: number[]) => ns.map((n, i) => ({ key: `u${i + 1}`, n }));

describe('effectiveThreshold', () => {
  it('never lets a municipality go below three, and defaults to five', () => {
    expect(effectiveThreshold(null)).toBe(5);
    expect(effectiveThreshold(2)).toBe(3);
    expect(effectiveThreshold(8)).toBe(8);
  });
});
