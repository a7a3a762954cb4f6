/**
 * Every question's distribution, grouped by voice (the persons themselves, answers given by someone
 * else, relatives), each with its CSV file; a section reported apart (`compare: false`) last, under
 * its own title, with the favourable share of its shown questions pooled.
 */
import { useTranslation } from 'react-i18next';
import { VOICES, type Results } from '../../shared/coordinatorApi.ts';
import { ShareValue } from './ShareValue.tsx';
import { NS } from '../i18n.ts';
import { QuestionResultView } from './QuestionResultView.tsx';
import { CsvLink } from './CsvLink.tsx';

export function QuestionResults({ questions, blocks, roundId }: { readonly questions: Results['questions']; readonly blocks: Results['blocks']; readonly roundId: number }) {
  const { t, i18n } = useTranslation(NS);
  return (
    <section aria-labelledby="questions-heading" className="results-section questions-section">
      <h2 id="questions-heading">{t('questions.heading')}</h2>
      <p>{t('questions.intro')}</p>
      {questions.length === 0 ? <p>{t('questions.none')}</p> : null}
      {VOICES.map((voice) => {
        const own = questions.filter((question) => question.voice === voice);
        if (own.length === 0) return null;
        const view = (question: Results['questions'][number]) => <QuestionResultView key={`${question.questionnaireId}/${question.questionId}`} result={question} />;
        return (
          <div key={voice} className="question-group">
            <h3>{t(`audience.${voice}`)}</h3>
            <CsvLink roundId={roundId} table={`questions-${voice}`} />
            {own.filter((question) => question.block === null).map(view)}
            {/* Sections reported apart (the relatives' own contact with the services) come last, under their own title. */}
            {blocks
              .filter((block) => block.voice === voice)
              .map((block) => (
                <div key={`${block.questionnaireId}/${block.sectionId}`} className="question-block">
                  <h4>{block.title[i18n.language] ?? block.title.nb}</h4>
                  <p>
                    {t('questions.blockShare')} <ShareValue share={block.favourable} />
                  </p>
                  <p className="hint">{t('questions.blockNote')}</p>
                  {own.filter((question) => question.questionnaireId === block.questionnaireId && question.sectionId === block.sectionId).map(view)}
                </div>
              ))}
          </div>
        );
      })}
    </section>
  );
}
