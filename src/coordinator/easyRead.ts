/**
 * Picks what "Dette sa dere" says: the themes the respondents scored
 * highest and lowest (two or three of each, ranked by their exact scores),
 * or why there is nothing to tell — nobody answered, too few answered, or
 * the figures are hidden to protect a small group.
 */
import type { Results } from '../shared/coordinatorApi.ts';
import type { ThemeId } from '../shared/themes.ts';
import { hiddenStatus, type HiddenStatus } from './format.ts';

export type EasyReadPicks =
  | { readonly kind: 'hidden'; readonly status: HiddenStatus }
  | { readonly kind: 'figures'; readonly count: number; readonly best: readonly ThemeId[]; readonly worst: readonly ThemeId[] };

const MOST = 3;

/** Why no theme has a figure: protecting wins over too few, and too few over nobody. */
function themesHidden(results: Results): HiddenStatus {
  const statuses = results.themes.map((row) => hiddenStatus(row.respondent));
  if (statuses.includes('protecting')) return 'protecting';
  if (statuses.includes('too-few')) return 'too-few';
  return 'empty';
}

export function easyReadPicks(results: Results): EasyReadPicks {
  const group = results.groups.respondent;
  const groupHidden = hiddenStatus(group);
  if (groupHidden) return { kind: 'hidden', status: groupHidden };
  const scored = results.themes
    .flatMap((row) => (!hiddenStatus(row.respondent) && row.respondent.score !== null ? [{ theme: row.theme, score: row.respondent.score }] : []))
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return { kind: 'hidden', status: themesHidden(results) };
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
