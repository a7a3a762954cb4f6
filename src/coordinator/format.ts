/** How figures, dates, codes and links are written on the coordinator pages and printouts. */
import type { Score } from '../shared/coordinatorApi.ts';

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

/** 2026-03-01 → "1. mars 2026" (nb), "1. mars 2026" (nn), "1 March 2026" (en). */
export function formatDate(isoDate: string, lang: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 }).format(value);
}

/** A share on the 0–100 scale, e.g. 62.5 → "63 %" (nb) or "63%" (en). */
export function formatPercent(value: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

export type ScoreText = { readonly kind: 'suppressed' } | { readonly kind: 'empty' } | { readonly kind: 'figure'; readonly score: string; readonly n: number | null };

/** Whether a score is shown, hidden below the threshold, or has nothing to show. */
export function scoreText(score: Score, lang: string): ScoreText {
  if (score.suppressed) return { kind: 'suppressed' };
  if (score.score === null) return { kind: 'empty' };
  return { kind: 'figure', score: formatNumber(score.score, lang), n: score.n };
}
