/**
 * Each unit's overall score for respondents and relatives, or why it is
 * hidden. Never crossed with an answer mode: with one chosen the server
 * sends no units, and a line says why.
 */
import { useTranslation } from 'react-i18next';
import type { Results } from '../../shared/coordinatorApi.ts';
import { NS } from '../i18n.ts';
import { CsvLink } from './CsvLink.tsx';
import { ScoreValue } from './ScoreValue.tsx';

export interface UnitsOverviewProps {
  /** Where the table's CSV file is: the round's. */
  readonly roundId?: number;
  readonly units: Results['units'];
  readonly filters: Results['filters'];
}

/** A stable key: the unit's id, or one fixed key for relatives who named no unit. */
function unitKey(unitId: number | null): string {
  return unitId === null ? 'no-unit' : `unit-${unitId}`;
}

export function UnitsOverview({ units, filters, roundId }: UnitsOverviewProps) {
  const { t } = useTranslation(NS);
  const byMode = filters.answerMode !== undefined;
  return (
    <section aria-labelledby="units-overview-heading" className="results-section">
      <h2 id="units-overview-heading">{t('unitsOverview.heading')}</h2>
      {units.length === 0 ? (
        <p>{byMode ? t('unitsOverview.notWithAnswerMode') : t('unitsOverview.none')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('unitsOverview.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('unitsOverview.unit')}</th>
              <th scope="col">{t('audience.respondent')}</th>
              <th scope="col">{t('audience.relative')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unitKey(unit.unitId)}>
                <th scope="row">{unit.unitId === null ? t('progress.noUnit') : unit.name}</th>
                <td>
                  <ScoreValue score={unit.respondent} />
                </td>
                <td>
                  <ScoreValue score={unit.relative} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {roundId !== undefined ? <CsvLink roundId={roundId} table="units" /> : null}
    </section>
  );
}
