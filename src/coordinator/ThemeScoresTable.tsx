/**
 * Per theme, the respondents' and the relatives' score (0–100) side by
 * side, with the gap between them worked out from the exact scores and
 * rounded once, when written.
 */
import { useTranslation } from 'react-i18next';
import type { Results } from '../shared/coordinatorApi.ts';
import { DifferenceText } from './DifferenceText.tsx';
import { scoreDifference } from './format.ts';
import { NS } from './i18n.ts';
import { ScoreValue } from './ScoreValue.tsx';

export interface ThemeScoresTableProps {
  readonly rows: Results['themes'];
  readonly caption: string;
}

export function ThemeScoresTable({ rows, caption }: ThemeScoresTableProps) {
  const { t } = useTranslation(NS);
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results.theme')}</th>
          <th scope="col">{t('audience.respondent')}</th>
          <th scope="col">{t('audience.relative')}</th>
          <th scope="col">{t('results.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.theme}>
            <th scope="row">{t(`themes.${row.theme}`)}</th>
            <td>
              <ScoreValue score={row.respondent} />
            </td>
            <td>
              <ScoreValue score={row.relative} />
            </td>
            <td>
              <DifferenceText difference={scoreDifference(row.respondent, row.relative)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
