/**
 * A round's results, once the round is closed and they are made: when and
 * from how many responses, filtered by unit or by how the answers were
 * given, every hidden figure saying why.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultsQuery } from '../../shared/coordinatorApi.ts';
import { NS } from '../i18n.ts';
import { Link } from '../ui/Link.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { ReleaseNote } from './ReleaseNote.tsx';
import { loadResults, loadRoundContext, resultsPath } from '../resources.ts';
import { ResultsFilters } from './ResultsFilters.tsx';
import { ResultsLoadState, resultsNotReleased } from './ResultsLoadState.tsx';
import { ResultsSections } from './ResultsSections.tsx';
import { useApiData } from '../useApiData.ts';

export function ResultsPage({ roundId }: { readonly roundId: number }) {
  const { t } = useTranslation(NS);
  const [query, setQuery] = useState<ResultsQuery>({});
  const context = useApiData(`round-${roundId}`, () => loadRoundContext(roundId));
  const results = useApiData(resultsPath(roundId, query), () => loadResults(roundId, query));
  const ready = context.result.state === 'ready' ? context.result.data : undefined;
  const round = ready?.round;
  const title = round ? t('results.pageTitle', { round: round.name }) : t('results.title');
  const data = results.result.data;
  // Filters once the server has answered about the results, and not while there are none to filter.
  const filterable = (data !== undefined || results.result.state === 'error') && !resultsNotReleased(results.result);

  return (
    <>
      <PageHeading title={title}>{t('results.title')}</PageHeading>
      {round ? (
        <p className="lead">
          <Link to={{ page: 'round', roundId }}>{round.name}</Link>
        </p>
      ) : null}
      {data ? <ReleaseNote release={data.release} /> : null}
      <LoadState result={context.result} onRetry={context.reload} />
      {ready && filterable ? <ResultsFilters units={ready.units} value={query} onChange={setQuery} /> : null}
      <ResultsLoadState result={results.result} onRetry={results.reload} roundId={roundId} />
      {data ? (
        <div className="results" aria-busy={results.result.state === 'loading'}>
          <ResultsSections results={data} roundId={roundId} />
        </div>
      ) : null}
    </>
  );
}
