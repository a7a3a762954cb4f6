/** The comparison's disclosure rule and the operator's activity counts (src/shared/disclosure), on cases worked out by hand. */
import { describe, expect, it } from 'vitest';
import { activityCount } from '../../src/shared/disclosure/activity.ts';
import { comparisonDue, periodOf, positionIn, publishedDistribution } from '../../src/shared/disclosure/comparison.ts';

const members = (shares: number[]) => new Map(shares.map((s, i) => [i + 1, s]));

describe('the comparison rule', () => {
  it('publishes only to a municipality with at least 5 other members', () => {
    expect(publishedDistribution(members([0.1, 0.2, 0.3, 0.4, 0.5]), 1)).toBeNull();
    expect(publishedDistribution(members([0.1, 0.2, 0.3, 0.4, 0.5]), 99)).not.toBeNull();
    expect(publishedDistribution(members([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]), 1)).not.toBeNull();
  });

  it('publishes quartiles in whole steps of 5 points, so a member next to the median cannot read its neighbour exactly', () => {
    // Median of 6 is the mean of the 3rd and 4th: 0.51 and 0.58 give 0.545, published as 0.55.
    const d = publishedDistribution(members([0.2, 0.4, 0.51, 0.58, 0.7, 0.9]), 3)!;
    expect(d.median).toBeCloseTo(0.55, 9);
    expect(d.lowerQuartile).toBeCloseTo(0.45, 9);
    expect(d.upperQuartile).toBeCloseTo(0.65, 9);
    expect(positionIn(0.51, d)).toBe('lower-middle');
    expect(positionIn(0.3, d)).toBe('below-lower-quartile');
    expect(positionIn(0.9, d)).toBe('above-upper-quartile');
    expect(positionIn(0.6, d)).toBe('upper-middle');
  });

  it('makes a period once, after its year and the late-answer window', () => {
    expect(periodOf('2025-10-31')).toBe('2025');
    expect(comparisonDue('2025')).toBe('2026-02-01');
  });

  it('rounds an operator’s response counts down to tens, and hides 1–9', () => {
    expect([0, 1, 9, 10, 19, 2345].map(activityCount)).toEqual([0, null, null, 10, 10, 2340]);
  });
});
