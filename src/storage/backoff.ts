/** How long to wait before the next try after a failed send: doubling, capped. */
export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 5 * 60_000;

export function retryDelay(attempts: number): number {
  if (attempts <= 0) return 0;
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
}
