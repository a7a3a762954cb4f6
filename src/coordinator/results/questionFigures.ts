/**
 * The figures of one question, written once for both the chart's
 * accessible name and the data table, so the two always say the same.
 */
import type { QuestionResult } from '../../shared/coordinatorApi.ts';
import { formatNumber, formatPercent, hiddenStatus } from '../format.ts';
import type { Translate } from '../i18n.ts';

export interface LocalizedText {
  readonly text: string;
  /** The language the text is in (questions exist in bokmål and nynorsk only). */
  readonly lang: string;
}

/** Bokmål text for the coordinator (English pages too: the questions have no English version). */
export function localized(text: Readonly<Record<string, string>>): LocalizedText {
  if (text.nb !== undefined) return { text: text.nb, lang: 'nb' };
  const [lang, value] = Object.entries(text)[0] ?? ['nb', ''];
  return { text: value, lang };
}

export interface OptionFigure {
  readonly value: string;
  readonly label: LocalizedText;
  readonly count: string;
  readonly percent: string;
  /** Width in the bar, 0–100. */
  readonly share: number;
}

export interface QuestionFigures {
  readonly question: LocalizedText;
  readonly options: readonly OptionFigure[];
  readonly skipped: string;
  readonly shown: string;
}

/**
 * Null when the question's figures are hidden: nothing to draw or list.
 * Percentages arrive unrounded and are rounded once, when written; the bar
 * is drawn from the exact shares.
 */
export function questionFigures(result: QuestionResult, lang: string): QuestionFigures | null {
  if (hiddenStatus(result)) return null;
  return {
    question: localized(result.text),
    options: result.options.map((option) => ({
      value: option.value,
      label: localized(option.label),
      count: formatNumber(option.count ?? 0, lang),
      percent: formatPercent(option.percent ?? 0, lang),
      share: Math.max(0, Math.min(100, option.percent ?? 0)),
    })),
    skipped: formatNumber(result.skipped ?? 0, lang),
    shown: formatNumber(result.n ?? 0, lang),
  };
}

/** "Liker du å bo der du bor? Ja 12 (60 %), Både ja og nei 5 (25 %), Nei 3 (15 %). Hoppet over: 2." */
export function chartName(figures: QuestionFigures, t: Translate): string {
  const parts = figures.options.map((option) => t('chart.part', { label: option.label.text, count: option.count, percent: option.percent }));
  return t('chart.name', { question: figures.question.text, parts: parts.join(', '), skipped: figures.skipped });
}
