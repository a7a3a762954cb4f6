/**
 * The texts a respondent hears in one questionnaire version and language
 * (with the help sentence from the app's own locales), and whether a
 * stored recording still says them: a recording is made for the words a
 * text had then, and a later version that words it otherwise must not
 * play it (the device voice reads the new words instead, and the
 * coordinator's media page asks for a new recording); and the files a
 * round names for its own versions.
 */
import nb from '../../locales/nb.json' with { type: 'json' };
import nn from '../../locales/nn.json' with { type: 'json' };
import type { Questionnaire } from '../../shared/questionnaire.ts';
import type { RoundMedia } from '../../shared/roundConfig.ts';
import { spokenTexts, type SpokenText } from '../../shared/spokenTexts.ts';
import type { StoredMedia } from './mediaStore.ts';

const NAV_HELP: Record<string, string> = { nb: nb.survey.navHelp, nn: nn.survey.navHelp };

export function spokenTextsOf(q: Questionnaire, language: string): SpokenText[] {
  return spokenTexts(q, language, NAV_HELP[language] ?? NAV_HELP.nb!);
}

/** Whether a recording made for `recordedFor` says `text` (null: recorded before the words were kept, taken as current). */
export function saysText(recordedFor: string | null, text: string | undefined): boolean {
  return text !== undefined && (recordedFor === null || recordedFor === text);
}

/** The stored files a round names: those recorded for the words its own questionnaire versions use. */
export function mediaSayingTexts(questionnaires: readonly Questionnaire[], stored: readonly StoredMedia[]): RoundMedia[] {
  const textOf = new Map<string, string>();
  for (const q of questionnaires) {
    for (const language of q.languages) for (const t of spokenTextsOf(q, language)) textOf.set(`${q.id}|${language}|${t.key}`, t.text);
  }
  return stored.filter((m) => saysText(m.spokenText, textOf.get(`${m.questionnaireId}|${m.language}|${m.key}`))).map(({ spokenText: _recordedFor, ...file }) => file);
}
