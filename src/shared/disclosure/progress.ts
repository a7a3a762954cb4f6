/**
 * What live progress may say while a round runs: per unit only "none yet",
 * "fewer than k" or "k or more", so nobody can tell when one person has
 * answered; and an exact total only while no unit is between 1 and k−1,
 * so the total cannot be used to work out a small unit's count.
 */
import type { ProgressStatus } from '../coordinatorApi.ts';

export function progressStatus(n: number, k: number): ProgressStatus {
  return n === 0 ? 'none' : n < k ? 'few' : 'enough';
}

/** The exact total of these groups' counts, or null while one of them is small. */
export function progressTotal(counts: readonly number[], k: number): number | null {
  return counts.some((n) => n > 0 && n < k) ? null : counts.reduce((a, b) => a + b, 0);
}
