/**
 * The municipality's survey rounds, newest first, with a way to create a
 * new one. A round's response count is "–" (explained to screen readers
 * and on hover) until every unit has enough responses or none.
 */
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format.ts';
import { NS } from '../i18n.ts';
import { Link } from '../ui/Link.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { loadRounds } from '../resources.ts';
import { RoundStatus } from './RoundStatus.tsx';
import { useSession } from '../session.ts';
import { useApiData } from '../useApiData.ts';

export function RoundsPage() {
  const { t, i18n } = useTranslation(NS);
  const { me } = useSession();
  const { result, reload } = useApiData('rounds', loadRounds);
  const hiddenCount = t('rounds.countHidden', { threshold: me.municipality.anonymityThreshold });
  const rounds = result.state === 'ready' ? [...result.data].sort((a, b) => b.opensOn.localeCompare(a.opensOn)) : [];

  return (
    <section className="panel">
      <PageHeading title={t('rounds.title')}>{t('rounds.title')}</PageHeading>
      <p>
        <Link to={{ page: 'new-round' }} className="button-link primary">
          {t('rounds.create')}
        </Link>
      </p>
      <LoadState result={result} onRetry={reload} />
      {result.state === 'ready' && rounds.length === 0 ? <p>{t('rounds.none')}</p> : null}
      {rounds.length > 0 ? (
        // On a narrow screen the table scrolls on its own, not the page (a named region, reachable by keyboard).
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('rounds.title')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('rounds.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rounds.name')}</th>
                <th scope="col">{t('rounds.period')}</th>
                <th scope="col">{t('rounds.status')}</th>
                <th scope="col" className="number">
                  {t('rounds.responses')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id}>
                  <th scope="row">
                    <Link to={{ page: 'round', roundId: round.id }}>{round.name}</Link>
                  </th>
                  <td>
                    {t('common.period', { from: formatDate(round.opensOn, i18n.language), to: formatDate(round.closesOn, i18n.language) })}
                  </td>
                  <td>
                    <RoundStatus status={round.status} />
                  </td>
                  <td className="number">
                    {round.responseCount === null ? (
                      <>
                        <span aria-hidden="true" title={hiddenCount}>
                          –
                        </span>
                        <span className="visually-hidden">{hiddenCount}</span>
                      </>
                    ) : (
                      round.responseCount
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
