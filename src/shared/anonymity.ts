/**
 * The anonymity threshold k: no figure is shown for a group with fewer
 * responses than k. Municipalities may raise it, never set it below the
 * minimum. How it is applied to linked tables and over time is the
 * disclosure module's job (src/shared/disclosure).
 */
export const DEFAULT_ANONYMITY_THRESHOLD = 5;
export const MIN_ANONYMITY_THRESHOLD = 3;

export function effectiveThreshold(configured: number | null | undefined): number {
  if (configured === null || configured === undefined || !Number.isFinite(configured)) return DEFAULT_ANONYMITY_THRESHOLD;
  return Math.max(MIN_ANONYMITY_THRESHOLD, Math.floor(configured));
}
