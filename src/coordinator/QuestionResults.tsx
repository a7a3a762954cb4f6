/** Every question's distribution, grouped by voice (the persons themselves, answers given by someone else, relatives), each with its CSV file. */
import { useTranslation } from 'react-i18next';
import { VOICES, type Results } from '../shared/coordinatorApi.ts';
import { NS } from './i18n.ts';
import { QuestionResultView } from './QuestionResultView.tsx';
import { CsvLink } from './results/CsvLink.tsx';

export function QuestionResults({ questions, roundId }: { readonly questions: Results['questions']; readonly roundId: number }) {
  const { t } = useTranslation(NS);
  return (
    <section aria-labelledby="questions-heading" className="results-section questions-section">
      <h2 id="questions-heading">{t('questions.heading')}</h2>
      <p>{t('questions.intro')}</p>
      {questions.length === 0 ? <p>{t('questions.none')}</p> : null}
      {VOICES.map((voice) => {
        const own = questions.filter((question) => question.voice === voice);
        if (own.length === 0) return null;
        return (
          <div key={voice} className="question-group">
            <h3>{t(`audience.${voice}`)}</h3>
            <CsvLink roundId={roundId} table={`questions-${voice}`} />
            {own.map((question) => (
              <QuestionResultView key={`${question.questionnaireId}/${question.questionId}`} result={question} />
            ))}
          </div>
        );
      })}
    </section>
  );
}
