/**
 * The words the exports use, taken from the coordinator pages' bokmål
 * texts, so a group, a theme or a hidden figure has one name everywhere
 * (page, CSV, workbook, report).
 */
import nb from '../../locales/coordinator/nb.json' with { type: 'json' };
import type { DisclosureStatus, ShareVerdict, Voice } from '../../shared/coordinatorApi.ts';
import type { ThemeId } from '../../shared/themes.ts';

export const HIDDEN_PHRASES: Record<Exclude<DisclosureStatus, 'shown'>, string> = nb.hidden;

export const voiceName = (voice: Voice): string => nb.audience[voice];
export const themeName = (theme: ThemeId | string): string => (nb.themes as Record<string, string>)[theme] ?? theme;
export const verdictText = (verdict: ShareVerdict): string => (verdict === null ? nb.verdict.none : nb.verdict[verdict]);
export const NO_UNIT_NAME = nb.progress.noUnit;
