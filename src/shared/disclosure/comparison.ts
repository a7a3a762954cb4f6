/**
 * The disclosure rule of the comparison with other municipalities: what
 * may be published about the municipalities that opted in, so that no
 * municipality's figure can be read from it or worked out by subtracting
 * one publication from another.
 *
 * 1. Fixed periods, published once: a comparison covers the rounds that
 *    closed in one calendar year, and is made once, after the year and the
 *    late-answer window are over (`comparisonDue`), from the members and
 *    figures of that moment; it never changes after (joining, leaving, a
 *    later release). Two publications therefore never differ by one
 *    municipality: the same period always shows the same figures, and two
 *    periods are about different rounds.
 * 2. A member is a municipality that opted in when the period was made and
 *    whose theme figure passed its own anonymity threshold.
 * 3. Only the distribution is published: median and quartiles, coarsened
 *    to whole multiples of 5 percentage points, never a single value and
 *    never a name; and only to a municipality with at least 5 other
 *    members. Where the municipality lies is worked out against the
 *    coarsened quartiles.
 */

/** Other municipalities a comparison needs besides the one looking. */
export const MIN_OTHER_MUNICIPALITIES = 5;
/** Quartiles are published in whole steps of this share (0.05: 5 percentage points). */
export const QUANTILE_STEP = 0.05;

/** The period of a round: the calendar year it closed in. */
export const periodOf = (closesOn: string): string => closesOn.slice(0, 4);

/** The day a period's comparison may be made: 1 February after the year (rounds take late answers for 30 days after closing). */
export const comparisonDue = (period: string): string => `${Number(period) + 1}-02-01`;

export type Position = 'below-lower-quartile' | 'lower-middle' | 'upper-middle' | 'above-upper-quartile';

export interface Distribution {
  /** Members of the comparison (published: tells nothing about any one of them). */
  readonly municipalities: number;
  readonly lowerQuartile: number;
  readonly median: number;
  readonly upperQuartile: number;
}

const coarsen = (share: number): number => Math.round(share / QUANTILE_STEP) * QUANTILE_STEP;

/** Linear-interpolated quantile of sorted values (type 7). */
function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/**
 * What one municipality may see of a frozen comparison: the coarsened
 * distribution of every member's share, or null when fewer than
 * MIN_OTHER_MUNICIPALITIES members are others than itself.
 */
export function publishedDistribution(members: ReadonlyMap<number, number>, viewer: number): Distribution | null {
  const others = members.size - (members.has(viewer) ? 1 : 0);
  if (others < MIN_OTHER_MUNICIPALITIES) return null;
  const sorted = [...members.values()].sort((a, b) => a - b);
  return {
    municipalities: sorted.length,
    lowerQuartile: coarsen(quantile(sorted, 0.25)),
    median: coarsen(quantile(sorted, 0.5)),
    upperQuartile: coarsen(quantile(sorted, 0.75)),
  };
}

/** Where a share lies against the published quartiles. */
export function positionIn(share: number, d: Distribution): Position {
  if (share < d.lowerQuartile) return 'below-lower-quartile';
  if (share > d.upperQuartile) return 'above-upper-quartile';
  return share < d.median ? 'lower-middle' : 'upper-middle';
}
