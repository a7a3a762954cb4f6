/**
 * The anonymity rule, in one place: no figure is shown for a group with
 * fewer responses than the threshold. Municipalities may raise it, never
 * set it below the minimum.
 */
export const DEFAULT_ANONYMITY_THRESHOLD = 5;
export const MIN_ANONYMITY_THRESHOLD = 3;

export function effectiveThreshold(configured: number | null | undefined): number {
  if (configured === null || configured === undefined || !Number.isFinite(configured)) return DEFAULT_ANONYMITY_THRESHOLD;
  return Math.max(MIN_ANONYMITY_THRESHOLD, Math.floor(configured));
}

export interface GroupCount {
  readonly key: string;
  readonly n: number;
}

/**
 * Which of a set of sibling groups (units, answer modes) must be hidden:
 * every group with responses below the threshold, and — when the total of
 * the siblings is shown — the smallest further groups until the hidden
 * ones together reach the threshold, so no hidden group can be worked out
 * by subtracting the visible ones from the total. `totalHidden` says even
 * that was not enough and the total must be hidden too.
 */
export function suppressSmallGroups(
  groups: readonly GroupCount[],
  threshold: number,
  totalShown: boolean,
): { hidden: Set<string>; totalHidden: boolean } {
  const hidden = new Set(groups.filter((g) => g.n > 0 && g.n < threshold).map((g) => g.key));
  if (!totalShown || hidden.size === 0) return { hidden, totalHidden: false };
  let combined = groups.filter((g) => hidden.has(g.key)).reduce((sum, g) => sum + g.n, 0);
  const visible = groups.filter((g) => g.n > 0 && !hidden.has(g.key)).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  for (const group of visible) {
    if (combined >= threshold) break;
    hidden.add(group.key);
    combined += group.n;
  }
  return { hidden, totalHidden: combined < threshold };
}

/** A group's figure is shown only from the threshold up. */
export function isSuppressed(n: number, threshold: number): boolean {
  return n < threshold;
}
