/**
 * Everything the results show, in reading order; the results page and the
 * printed report both use it. The report splits it: `part="summary"` is
 * the matrix, the two voices on the common measure and the trend;
 * `part="detail"` is the rest.
 */
import { useTranslation } from 'react-i18next';
import type { Results } from '../../shared/coordinatorApi.ts';
import { AnswerModeTable } from './AnswerModeTable.tsx';
import { CommentsList } from './CommentsList.tsx';
import { ConsistencyTable } from './ConsistencyTable.tsx';
import { GroupSummary } from './GroupSummary.tsx';
import { NS } from '../i18n.ts';
import { QuestionResults } from './QuestionResults.tsx';
import { ComparisonTable } from './ComparisonTable.tsx';
import { CsvLink } from './CsvLink.tsx';
import { FavourableThemes } from './FavourableThemes.tsx';
import { QuestionPairsTable } from './QuestionPairsTable.tsx';
import { ResultsMatrix } from './ResultsMatrix.tsx';
import { ThemeScoresTable } from './ThemeScoresTable.tsx';
import { TrendTables } from './TrendTables.tsx';
import { UnitsOverview } from './UnitsOverview.tsx';

export interface ResultsSectionsProps {
  readonly results: Results;
  readonly roundId: number;
  readonly part?: 'all' | 'summary' | 'detail';
}

export function ResultsSections({ results, roundId, part = 'all' }: ResultsSectionsProps) {
  const { t } = useTranslation(NS);
  const summary = part !== 'detail';
  const detail = part !== 'summary';
  return (
    <>
      {summary ? (
        <>
          <ResultsMatrix matrix={results.matrix} roundId={roundId} />
          <GroupSummary results={results} />
          <FavourableThemes results={results} />
          {results.comparison ? <ComparisonTable comparison={results.comparison} /> : null}
          <CsvLink roundId={roundId} table="overview" />
          <TrendTables trend={results.trend} measure="favourable" roundId={roundId} questions={results.questions} />
        </>
      ) : null}
      {detail ? (
        <>
          <QuestionPairsTable pairs={results.questionPairs} roundId={roundId} />
          <section aria-labelledby="themes-heading" className="results-section">
            <h2 id="themes-heading">{t('themesSection.heading')}</h2>
            <p>{t('themesSection.intro')}</p>
            <ThemeScoresTable rows={results.themes} caption={t('themesSection.caption')} />
            <CsvLink roundId={roundId} table="themes" />
          </section>
          <AnswerModeTable modes={results.byAnswerMode} filters={results.filters} roundId={roundId} />
          <UnitsOverview units={results.units} filters={results.filters} roundId={roundId} />
          <TrendTables trend={results.trend} />
          <ConsistencyTable rows={results.consistency} roundId={roundId} />
          <QuestionResults questions={results.questions} blocks={results.blocks} roundId={roundId} />
          <CommentsList comments={results.comments} relatives={results.groups.relative} withoutFlagged={results.filters.withoutFlagged} />
          <CsvLink roundId={roundId} table="codebook" />
        </>
      ) : null}
    </>
  );
}
