/**
 * Units × themes at the top of the results and the report: in each cell
 * the favourable share of the persons themselves and of relatives, with
 * their intervals, and the change since the round before where it is larger
 * than the noise. Hidden cells say why, in the same words as everywhere.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Results } from '../../shared/coordinatorApi.ts';
import { formatNumber } from '../format.ts';
import { NS } from '../i18n.ts';
import { CsvLink } from './CsvLink.tsx';
import { ShareValue } from './ShareValue.tsx';

type Change = Results['matrix']['rows'][number]['cells'][number]['respondentChange'];

function ChangeText({ change }: { readonly change: Change }) {
  const { t, i18n } = useTranslation(NS);
  if (!change) return null;
  const points = formatNumber(Math.abs(change.difference * 100), i18n.language);
  const words = change.verdict === 'higher' ? t('verdict.up', { points }) : change.verdict === 'lower' ? t('verdict.down', { points }) : t('verdict.unchanged');
  return <span className="change"> · {words}</span>;
}

export function ResultsMatrix({ matrix, roundId }: { readonly matrix: Results['matrix']; readonly roundId: number }) {
  const { t } = useTranslation(NS);
  const captionId = useId();
  const themes = matrix.rows[0]?.cells.map((c) => c.theme) ?? [];
  return (
    <section aria-labelledby="matrix-heading" className="results-section matrix-section">
      <h2 id="matrix-heading">{t('matrix.heading')}</h2>
      {matrix.rows.length === 0 ? (
        <p>{t('matrix.none')}</p>
      ) : (
        <>
          <p>{matrix.previousRound ? t('matrix.intro', { round: matrix.previousRound.roundName }) : t('matrix.introNoPrevious')}</p>
          {/* Wide on a narrow screen: the table scrolls, and keyboard users reach the scrolling region too. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
            <table className="data-table matrix">
              <caption id={captionId}>{t('matrix.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('matrix.unit')}</th>
                  {themes.map((theme) => (
                    <th key={theme} scope="col">
                      {t(`themes.${theme}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((row) => (
                  <tr key={row.unitId ?? 'none'}>
                    <th scope="row">{row.unitId === null ? t('progress.noUnit') : row.name}</th>
                    {row.cells.map((cell) => (
                      <td key={cell.theme}>
                        <span className="matrix-voice">
                          {t('matrix.selfShort')}: <ShareValue share={cell.respondent} compact />
                          <ChangeText change={cell.respondentChange} />
                        </span>
                        <span className="matrix-voice">
                          {t('matrix.relativeShort')}: <ShareValue share={cell.relative} compact />
                          <ChangeText change={cell.relativeChange} />
                        </span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <CsvLink roundId={roundId} table="matrix" />
    </section>
  );
}
