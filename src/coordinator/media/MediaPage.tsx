/**
 * Recorded voice and sign language: for a questionnaire and language,
 * every text a respondent hears with its voice (recorded, or the device's
 * own) and, for questions, a sign-language video. The choice is kept in
 * the address (?skjema=…&sprak=…) so the page can be linked and reloaded.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIENCES } from '../../shared/questionnaire.ts';
import { NS, PRINT_LANGUAGES, type PrintLanguage } from '../i18n.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { MediaTexts } from './MediaTexts.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { loadQuestionnaires } from '../resources.ts';
import { SelectField } from '../ui/SelectField.tsx';
import { useApiData } from '../useApiData.ts';

const QUESTIONNAIRE_PARAM = 'skjema';
const LANGUAGE_PARAM = 'sprak';

function initialChoice(): { questionnaireId: string | null; language: PrintLanguage } {
  const params = new URLSearchParams(window.location.search);
  const language = PRINT_LANGUAGES.find((lang) => lang === params.get(LANGUAGE_PARAM)) ?? 'nb';
  return { questionnaireId: params.get(QUESTIONNAIRE_PARAM), language };
}

function remember(questionnaireId: string, language: PrintLanguage): void {
  const params = new URLSearchParams({ [QUESTIONNAIRE_PARAM]: questionnaireId, [LANGUAGE_PARAM]: language });
  window.history.replaceState(window.history.state, '', `${window.location.pathname}?${params.toString()}`);
}

export function MediaPage() {
  const { t } = useTranslation(NS);
  const { result, reload } = useApiData('questionnaires', loadQuestionnaires);
  const [choice, setChoice] = useState(initialChoice);

  const questionnaires = result.state === 'ready' ? [...result.data].sort((a, b) => AUDIENCES.indexOf(a.audience) - AUDIENCES.indexOf(b.audience)) : [];
  const chosen = questionnaires.find((q) => q.id === choice.questionnaireId) ?? questionnaires[0];

  function choose(questionnaireId: string, language: PrintLanguage) {
    setChoice({ questionnaireId, language });
    remember(questionnaireId, language);
  }

  return (
    <>
      <PageHeading title={t('media.title')}>{t('media.title')}</PageHeading>
      <p>{t('media.intro')}</p>
      <p>{t('media.formats')}</p>
      <LoadState result={result} onRetry={reload} />
      {chosen ? (
        <>
          <div className="filters">
            <SelectField
              label={t('media.questionnaire')}
              value={chosen.id}
              options={questionnaires.map((q) => ({ value: q.id, label: t('newRound.questionnaireOption', { audience: t(`audience.${q.audience}`), title: q.title.nb }) }))}
              onChange={(id) => choose(id, choice.language)}
            />
            <SelectField
              label={t('media.language')}
              value={choice.language}
              options={PRINT_LANGUAGES.map((lang) => ({ value: lang, label: t(`printLanguage.${lang}`) }))}
              onChange={(language) => choose(chosen.id, language)}
            />
          </div>
          <MediaTexts key={chosen.id} questionnaireId={chosen.id} language={choice.language} />
        </>
      ) : result.state === 'ready' ? (
        <p>{t('media.noQuestionnaires')}</p>
      ) : null}
    </>
  );
}
