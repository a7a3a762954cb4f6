/**
 * How figures, dates, codes and links are written on the coordinator pages
 * and printouts. Scores and shares arrive unrounded from the server and are
 * rounded exactly once, here, when they are written.
 */
import type { DisclosureStatus, Score } from '../shared/coordinatorApi.ts';

/** The tablet code in groups of four, e.g. K7PMX4QZ → K7PM-X4QZ. */
export function formatTabletCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? [code]).join('-');
}

export function relativeLink(relativeCode: string, origin: string = window.location.origin): string {
  return `${origin}/p/${relativeCode}`;
}

function localeOf(lang: string): string {
  return lang === 'en' ? 'en-GB' : lang;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 2026-03-01 → "1. mars 2026" (nb), "1. mars 2026" (nn), "1 March 2026" (en).
 * A full timestamp (e.g. when results were made) is written as its date in Norway.
 */
export function formatDate(isoDate: string, lang: string): string {
  const dateOnly = DATE_ONLY.test(isoDate);
  const date = new Date(dateOnly ? `${isoDate}T12:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  const timeZone = dateOnly ? 'UTC' : 'Europe/Oslo';
  return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/** A number rounded once to a whole number, e.g. 45.45 → "45". */
export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 }).format(value);
}

/** A share on the 0–100 scale rounded once, e.g. 62.5 → "63 %" (nb) or "63%" (en). */
export function formatPercent(value: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** Why a figure is not written: nobody answered, too few answered, or hidden to protect a small group elsewhere. */
export type HiddenStatus = Exclude<DisclosureStatus, 'shown'>;

/** The reason a figure is hidden, or null when it is shown (a hidden figure the server forgot to explain counts as too few). */
export function hiddenStatus(figure: { readonly status: DisclosureStatus; readonly suppressed: boolean }): HiddenStatus | null {
  if (figure.status !== 'shown') return figure.status;
  return figure.suppressed ? 'too-few' : null;
}

export type ScoreText = { readonly kind: 'hidden'; readonly status: HiddenStatus } | { readonly kind: 'figure'; readonly score: string; readonly n: number | null };

/** Whether a score is written (rounded once), or why it is not. */
export function scoreText(score: Score, lang: string): ScoreText {
  const status = hiddenStatus(score);
  if (status) return { kind: 'hidden', status };
  if (score.score === null) return { kind: 'hidden', status: 'empty' };
  return { kind: 'figure', score: formatNumber(score.score, lang), n: score.n };
}
