/**
 * How consistently each group answered: the share who gave the same answer
 * to every question, and the share who contradicted themselves on a
 * reversed pair, with a sentence on why that matters (yes-saying).
 */
import { useTranslation } from 'react-i18next';
import type { Results } from '../../shared/coordinatorApi.ts';
import { formatPercent, hiddenStatus } from '../format.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { NS } from '../i18n.ts';
import { CsvLink } from './CsvLink.tsx';

export function ConsistencyTable({ rows, roundId }: { readonly rows: Results['consistency']; readonly roundId?: number }) {
  const { t, i18n } = useTranslation(NS);
  const share = (row: Results['consistency'][number], value: number | null) => {
    const status = hiddenStatus(row.group);
    if (status) return <HiddenFigure status={status} />;
    return value === null ? <span className="empty">{t('consistency.notApplicable')}</span> : formatPercent(value, i18n.language);
  };
  return (
    <section aria-labelledby="consistency-heading" className="results-section">
      <h2 id="consistency-heading">{t('consistency.heading')}</h2>
      <p>{t('consistency.explainSame')}</p>
      <p>{t('consistency.explainPairs')}</p>
      <p>{t('consistency.whyItMatters')}</p>
      <table className="data-table">
        <caption>{t('consistency.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consistency.group')}</th>
            <th scope="col">{t('consistency.responses')}</th>
            <th scope="col">{t('consistency.sameAnswer')}</th>
            <th scope="col">{t('consistency.inconsistentPairs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const status = hiddenStatus(row.group);
            return (
              <tr key={row.audience}>
                <th scope="row">{t(`audience.${row.audience}`)}</th>
                <td>{status ? <HiddenFigure status={status} /> : (row.group.n ?? 0)}</td>
                <td>{share(row, row.sameAnswerShare)}</td>
                <td>{share(row, row.inconsistentPairShare)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {roundId !== undefined ? <CsvLink roundId={roundId} table="consistency" /> : null}
    </section>
  );
}
