/**
 * What the speaker button reads on each kind of page, in reading order,
 * with a recorded voice where there is one: the municipality's recording
 * first, then a sound file named in the questionnaire, else the device voice.
 */
import type { TFunction } from 'i18next';
import type { Page, Questionnaire } from '../shared/questionnaire.ts';
import { getScale } from '../shared/scales.ts';
import { optionItemId } from './AnswerButtons.tsx';
import type { SurveyPage } from './pages.ts';
import type { ReadAloudItem } from './readAloud.ts';
import type { Recordings } from './recordings.ts';
import { NAV_HELP_KEY, optionKey, pageTextKey, pageTitleKey, questionKey } from '../shared/spokenTexts.ts';

export const TITLE_ID = 'page-title';
export const TEXT_ID = 'page-text';
export const QUESTION_ID = 'question-text';
export const NAV_HELP_ID = 'nav-help';

function audioUrl(audio: Partial<Record<string, string>> | undefined, language: string): string | undefined {
  const file = audio?.[language];
  return file ? `/${file}` : undefined;
}

function pageItems(page: Page, language: string, recordings: Recordings): ReadAloudItem[] {
  const items: ReadAloudItem[] = [];
  const title = page.title?.[language];
  if (title) items.push({ id: TITLE_ID, text: title, lang: language, audioUrl: recordings.audio(pageTitleKey(page.id)) });
  items.push({
    id: TEXT_ID,
    text: page.text[language] ?? '',
    lang: language,
    audioUrl: recordings.audio(pageTextKey(page.id)) ?? audioUrl(page.audio, language),
  });
  return items;
}

export function speechItems(page: SurveyPage, questionnaire: Questionnaire, language: string, t: TFunction, recordings: Recordings): ReadAloudItem[] {
  switch (page.kind) {
    case 'intro':
    case 'end':
      return pageItems(page.page, language, recordings);
    case 'question': {
      const question = page.question;
      const options = getScale(question.scale).options.map((option) => ({
        id: optionItemId(option.value),
        text: option.label[language] ?? option.value,
        lang: language,
        audioUrl: recordings.audio(optionKey(question.scale, option.value)),
      }));
      return [
        {
          id: QUESTION_ID,
          text: question.text[language] ?? '',
          lang: language,
          audioUrl: recordings.audio(questionKey(question.id)) ?? audioUrl(question.audio, language),
        },
        ...options,
        { id: NAV_HELP_ID, text: t('survey.navHelp', { lng: language }), lang: language, audioUrl: recordings.audio(NAV_HELP_KEY) },
      ];
    }
    case 'section-comment':
      return [{ id: TITLE_ID, text: page.section.comment?.label[language] ?? '', lang: language }];
    case 'final-comment':
      return [{ id: TITLE_ID, text: questionnaire.finalComment?.label[language] ?? '', lang: language }];
    case 'answered-by':
      return [{ id: TITLE_ID, text: t('survey.answeredByTitle', { lng: language }), lang: language }];
  }
}
