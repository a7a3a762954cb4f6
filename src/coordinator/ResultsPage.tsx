/** A round's results, filtered by unit and by how the answers were given; every small group shows "For få svar". */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultsQuery } from '../shared/coordinatorApi.ts';
import { NS } from './i18n.ts';
import { Link } from './Link.tsx';
import { LoadState } from './LoadState.tsx';
import { PageHeading } from './PageHeading.tsx';
import { loadResults, loadRoundContext, resultsPath } from './resources.ts';
import { ResultsFilters } from './ResultsFilters.tsx';
import { ResultsSections } from './ResultsSections.tsx';
import { useApiData } from './useApiData.ts';

export function ResultsPage({ roundId }: { readonly roundId: number }) {
  const { t } = useTranslation(NS);
  const [query, setQuery] = useState<ResultsQuery>({});
  const context = useApiData(`round-${roundId}`, () => loadRoundContext(roundId));
  const results = useApiData(resultsPath(roundId, query), () => loadResults(roundId, query));
  const round = context.result.state === 'ready' ? context.result.data.round : undefined;
  const title = round ? t('results.pageTitle', { round: round.name }) : t('results.title');

  return (
    <>
      <PageHeading title={title}>{t('results.title')}</PageHeading>
      {round ? (
        <p className="lead">
          <Link to={{ page: 'round', roundId }}>{round.name}</Link>
        </p>
      ) : null}
      <LoadState result={context.result} onRetry={context.reload} />
      {context.result.state === 'ready' ? <ResultsFilters units={context.result.data.units} value={query} onChange={setQuery} /> : null}
      <LoadState result={results.result} onRetry={results.reload} />
      {results.result.data ? (
        <div className="results" aria-busy={results.result.state === 'loading'}>
          <ResultsSections results={results.result.data} />
        </div>
      ) : null}
    </>
  );
}
