/**
 * What an operator may see of a municipality's activity: how many
 * responses its released results hold, rounded down to a multiple of 10
 * (1–9: "under 10"). Released figures change only in releases of at least
 * k responses, and rounding hides the exact count, so watching the count
 * never tells when one person answered.
 */
export const ACTIVITY_STEP = 10;

/** The published count, or null for 1–9. */
export function activityCount(n: number): number | null {
  if (n === 0) return 0;
  if (n < ACTIVITY_STEP) return null;
  return Math.floor(n / ACTIVITY_STEP) * ACTIVITY_STEP;
}
