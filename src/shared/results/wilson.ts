/**
 * Uncertainty of a share: the Wilson score interval (95 %), and whether
 * two shares differ by more than the noise (Newcombe's hybrid score
 * interval for the difference of two independent proportions, built from
 * the two Wilson intervals). Pure; shares are 0–1.
 */

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  /** The observed share, x / n. */
  readonly share: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson interval of x favourable out of n. x may be fractional (a share
 * times an effective number of people, see favourableShares). n must be > 0.
 */
export function wilson(x: number, n: number, z = Z95): Interval {
  if (!(n > 0) || x < 0 || x > n) throw new RangeError(`wilson: need 0 ≤ x ≤ n and n > 0, got x=${x}, n=${n}`);
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At the ends the exact bounds are 0 and 1; floating point would miss them by a rounding error.
  return { share: p, low: x === 0 ? 0 : Math.max(0, centre - half), high: x === n ? 1 : Math.min(1, centre + half) };
}

export type Verdict = 'higher' | 'lower' | 'no-certain-difference';

/** The 95 % interval of a − b (Newcombe, method 10). */
export function differenceInterval(a: Interval, b: Interval): { difference: number; low: number; high: number } {
  const d = a.share - b.share;
  return {
    difference: d,
    low: d - Math.sqrt((a.share - a.low) ** 2 + (b.high - b.share) ** 2),
    high: d + Math.sqrt((a.high - a.share) ** 2 + (b.share - b.low) ** 2),
  };
}

/** "a is higher", "a is lower", or no certain difference (the interval of a − b includes 0). */
export function compareShares(a: Interval, b: Interval): Verdict {
  const { low, high } = differenceInterval(a, b);
  if (low > 0) return 'higher';
  if (high < 0) return 'lower';
  return 'no-certain-difference';
}
