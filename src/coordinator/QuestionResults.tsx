/** Every question's distribution, grouped by voice (respondents, relatives) and questionnaire. */
import { useTranslation } from 'react-i18next';
import { AUDIENCES } from '../shared/questionnaire.ts';
import type { Results } from '../shared/coordinatorApi.ts';
import { NS } from './i18n.ts';
import { QuestionResultView } from './QuestionResultView.tsx';

export function QuestionResults({ questions }: { readonly questions: Results['questions'] }) {
  const { t } = useTranslation(NS);
  return (
    <section aria-labelledby="questions-heading" className="results-section questions-section">
      <h2 id="questions-heading">{t('questions.heading')}</h2>
      <p>{t('questions.intro')}</p>
      {questions.length === 0 ? <p>{t('questions.none')}</p> : null}
      {AUDIENCES.map((audience) => {
        const own = questions.filter((question) => question.audience === audience);
        if (own.length === 0) return null;
        return (
          <div key={audience} className="question-group">
            <h3>{t(`audience.${audience}`)}</h3>
            {own.map((question) => (
              <QuestionResultView key={`${question.questionnaireId}/${question.questionId}`} result={question} />
            ))}
          </div>
        );
      })}
    </section>
  );
}
