/**
 * Picks what "Dette sa dere" says: the themes where most of the persons'
 * answers were favourable (at least three in four) and those where fewer
 * than half were, in the themes' fixed order (never ranked: a few points
 * between themes is noise), or why there is nothing to tell — nobody
 * answered, too few answered, or the figures are hidden to protect a
 * small group.
 */
import type { Results } from '../../shared/coordinatorApi.ts';
import type { ThemeId } from '../../shared/themes.ts';
import { hiddenStatus, type HiddenStatus } from '../format.ts';

export type EasyReadPicks =
  | { readonly kind: 'hidden'; readonly status: HiddenStatus }
  | { readonly kind: 'figures'; readonly count: number | null; readonly best: readonly ThemeId[]; readonly worst: readonly ThemeId[] };

/** "Most are satisfied": at least three in four answers favourable. "Can get better": fewer than half. */
const MOSTLY = 0.75;
const LESS_THAN_HALF = 0.5;

/** Why no theme has a figure: protecting wins over too few, and too few over nobody. */
function themesHidden(results: Results): HiddenStatus {
  const statuses = results.themes.map((row) => (row.favourable.respondent.status === 'shown' ? 'empty' : row.favourable.respondent.status));
  if (statuses.includes('protecting')) return 'protecting';
  if (statuses.includes('too-few')) return 'too-few';
  return 'empty';
}

export function easyReadPicks(results: Results): EasyReadPicks {
  const group = results.groups.respondent;
  const groupHidden = hiddenStatus(group);
  // The count may be hidden to protect a few proxy answers while the themes are shown: then it is left out.
  if (groupHidden && groupHidden !== 'protecting') return { kind: 'hidden', status: groupHidden };
  const shares = results.themes.flatMap((row) => (row.favourable.respondent.status === 'shown' && row.favourable.respondent.share !== null ? [{ theme: row.theme, share: row.favourable.respondent.share }] : []));
  if (shares.length === 0) return { kind: 'hidden', status: groupHidden ?? themesHidden(results) };
  return {
    kind: 'figures',
    count: groupHidden ? null : (group.n ?? 0),
    best: shares.filter((row) => row.share >= MOSTLY).map((row) => row.theme),
    worst: shares.filter((row) => row.share < LESS_THAN_HALF).map((row) => row.theme),
  };
}
