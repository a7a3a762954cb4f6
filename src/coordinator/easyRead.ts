/**
 * Picks what "Dette sa dere" says: the themes the respondents scored
 * highest and lowest (two or three of each), or that too few answered.
 */
import type { Results } from '../shared/coordinatorApi.ts';
import type { ThemeId } from '../shared/themes.ts';

export type EasyReadPicks =
  | { readonly kind: 'too-few' }
  | { readonly kind: 'figures'; readonly count: number; readonly best: readonly ThemeId[]; readonly worst: readonly ThemeId[] };

const MOST = 3;

export function easyReadPicks(results: Results): EasyReadPicks {
  const group = results.groups.respondent;
  if (group.suppressed) return { kind: 'too-few' };
  const scored = results.themes
    .flatMap((row) => (!row.respondent.suppressed && row.respondent.score !== null ? [{ theme: row.theme, score: row.respondent.score }] : []))
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return { kind: 'too-few' };
  const bestCount = Math.min(MOST, Math.ceil(scored.length / 2));
  const worstCount = Math.min(MOST, scored.length - bestCount);
  return {
    kind: 'figures',
    count: group.n ?? 0,
    best: scored.slice(0, bestCount).map((row) => row.theme),
    worst: scored
      .slice(scored.length - worstCount)
      .reverse()
      .map((row) => row.theme),
  };
}
