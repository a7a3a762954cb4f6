/**
 * Where to go from a round: results, the letter, the report, the easy-read
 * summary and the downloads of aggregated tables (never single responses).
 * Results are made when the round is closed; until then a line says so.
 */
import { useTranslation } from 'react-i18next';
import { EXPORT_TABLES, type RoundSummary } from '../../shared/coordinatorApi.ts';
import { API_BASE } from '../api.ts';
import { NS } from '../i18n.ts';
import { Link } from '../ui/Link.tsx';

export function RoundLinks({ round }: { readonly round: RoundSummary }) {
  const { t } = useTranslation(NS);
  const roundId = round.id;
  const exportBase = `${API_BASE}/rounds/${roundId}`;
  return (
    <section aria-labelledby="links-heading" className="panel">
      <h2 id="links-heading">{t('round.linksHeading')}</h2>
      {round.status !== 'closed' ? <p className="hint">{t('round.resultsWhenClosed')}</p> : null}
      <ul className="link-list">
        <li>
          <Link to={{ page: 'results', roundId }}>{t('round.results')}</Link>
        </li>
        <li>
          <Link to={{ page: 'letter', roundId }}>{t('round.letter')}</Link>
        </li>
        <li>
          <Link to={{ page: 'report', roundId }}>{t('round.report')}</Link>
        </li>
        <li>
          <Link to={{ page: 'summary', roundId }}>{t('round.summary')}</Link>
        </li>
      </ul>
      <h3>{t('round.downloads')}</h3>
      <p className="hint">{t('round.downloadsHint')}</p>
      <ul className="link-list">
        <li>
          <a href={`${exportBase}/export.xlsx`} download>
            {t('round.exportXlsx')}
          </a>
        </li>
        {EXPORT_TABLES.map((table) => (
          <li key={table}>
            <a href={`${exportBase}/export.csv?table=${table}`} download>
              {t(`round.exportCsv.${table}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
