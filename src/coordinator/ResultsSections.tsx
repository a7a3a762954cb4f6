/** Everything the results show, in reading order; the results page and the printed report both use it. */
import { useTranslation } from 'react-i18next';
import type { Results } from '../shared/coordinatorApi.ts';
import { AnswerModeTable } from './AnswerModeTable.tsx';
import { CommentsList } from './CommentsList.tsx';
import { ConsistencyTable } from './ConsistencyTable.tsx';
import { GroupSummary } from './GroupSummary.tsx';
import { NS } from './i18n.ts';
import { QuestionResults } from './QuestionResults.tsx';
import { ThemeScoresTable } from './ThemeScoresTable.tsx';
import { TrendTables } from './TrendTables.tsx';
import { TwoVoices } from './TwoVoices.tsx';
import { UnitsOverview } from './UnitsOverview.tsx';

export function ResultsSections({ results }: { readonly results: Results }) {
  const { t } = useTranslation(NS);
  return (
    <>
      <GroupSummary results={results} />
      <section aria-labelledby="themes-heading" className="results-section">
        <h2 id="themes-heading">{t('themesSection.heading')}</h2>
        <p>{t('themesSection.intro')}</p>
        <ThemeScoresTable rows={results.themes} caption={t('themesSection.caption')} />
      </section>
      <TwoVoices rows={results.twoVoices} />
      <AnswerModeTable modes={results.byAnswerMode} filters={results.filters} />
      <UnitsOverview units={results.units} filters={results.filters} />
      <TrendTables trend={results.trend} />
      <ConsistencyTable rows={results.consistency} />
      <QuestionResults questions={results.questions} />
      <CommentsList comments={results.comments} relatives={results.groups.relative} />
    </>
  );
}
