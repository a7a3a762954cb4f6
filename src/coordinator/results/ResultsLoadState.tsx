/**
 * LoadState for a round's results. Results are made only when a round is
 * closed, so the server's "results-not-released" is a state, not a
 * failure: it gets a calm explanation and the way to the round's page,
 * where the round can be closed. The results, report and summary pages all
 * use this, so the code is handled here only.
 */
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';
import { Link } from '../ui/Link.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import type { ApiData } from '../useApiData.ts';

export const RESULTS_NOT_RELEASED = 'results-not-released';

/** Whether the server said the round's results are not made yet. */
export function resultsNotReleased(result: ApiData<unknown>): boolean {
  return result.state === 'error' && result.code === RESULTS_NOT_RELEASED;
}

export interface ResultsLoadStateProps {
  readonly result: ApiData<unknown>;
  readonly onRetry: () => void;
  readonly roundId: number;
}

export function ResultsLoadState({ result, onRetry, roundId }: ResultsLoadStateProps) {
  const { t } = useTranslation(NS);
  const notReleased = (
    <>
      <p>{t('notReleased.text')}</p>
      <p>
        <Link to={{ page: 'round', roundId }}>{t('notReleased.closeLink')}</Link>
      </p>
    </>
  );
  return <LoadState result={result} onRetry={onRetry} notices={{ [RESULTS_NOT_RELEASED]: notReleased }} />;
}
