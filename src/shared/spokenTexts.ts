/**
 * Every text a respondent can hear, each with a stable key: the intro and
 * end pages, each question, each answer option of the scales in use, and
 * the help sentence about the buttons. A recorded voice is stored per key
 * and language; the tablet plays it instead of the device voice for
 * exactly that text.
 */
import type { Questionnaire } from './questionnaire.ts';
import { getScale } from './scales.ts';
import { NAV_HELP_KEY, optionKey, pageTextKey, pageTitleKey, questionKey } from './spokenKeys.ts';

export { mediaKey, NAV_HELP_KEY, optionKey, pageTextKey, pageTitleKey, questionKey } from './spokenKeys.ts';

export const SPOKEN_KINDS = ['page', 'question', 'option', 'help'] as const;
export type SpokenKind = (typeof SPOKEN_KINDS)[number];
export const MEDIA_KINDS = ['audio', 'video'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export interface SpokenText {
  readonly key: string;
  readonly kind: SpokenKind;
  readonly text: string;
}


/** @param navHelp the help sentence in this language (a UI string, from the locales). */
export function spokenTexts(q: Questionnaire, language: string, navHelp: string): SpokenText[] {
  const texts: SpokenText[] = [];
  for (const page of [...q.intro, q.end]) {
    const title = page.title?.[language];
    if (title) texts.push({ key: pageTitleKey(page.id), kind: 'page', text: title });
    texts.push({ key: pageTextKey(page.id), kind: 'page', text: page.text[language] ?? '' });
  }
  for (const question of q.questions) texts.push({ key: questionKey(question.id), kind: 'question', text: question.text[language] ?? '' });
  const scales = [...new Set(q.questions.map((question) => question.scale))];
  for (const scaleId of scales) {
    for (const option of getScale(scaleId).options) texts.push({ key: optionKey(scaleId, option.value), kind: 'option', text: option.label[language] ?? option.value });
  }
  texts.push({ key: NAV_HELP_KEY, kind: 'help', text: navHelp });
  return texts;
}
