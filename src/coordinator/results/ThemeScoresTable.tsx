/**
 * Per theme, each group's score (0–100), to follow a group over time. The
 * scales and questions of the two voices differ, so no gap between them is
 * worked out here: the common measure is the favourable share.
 */
import { useTranslation } from 'react-i18next';
import type { Results } from '../../shared/coordinatorApi.ts';
import { NS } from '../i18n.ts';
import { ScoreValue } from './ScoreValue.tsx';

export interface ThemeScoresTableProps {
  readonly rows: Results['themes'];
  readonly caption: string;
}

export function ThemeScoresTable({ rows, caption }: ThemeScoresTableProps) {
  const { t } = useTranslation(NS);
  const withProxy = rows.some((row) => row.proxy !== null);
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results.theme')}</th>
          <th scope="col">{t('audience.respondent')}</th>
          {withProxy ? <th scope="col">{t('audience.proxy')}</th> : null}
          <th scope="col">{t('audience.relative')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.theme}>
            <th scope="row">{t(`themes.${row.theme}`)}</th>
            <td>
              <ScoreValue score={row.respondent} />
            </td>
            {withProxy ? <td>{row.proxy ? <ScoreValue score={row.proxy} /> : null}</td> : null}
            <td>
              <ScoreValue score={row.relative} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
