/** Each unit's overall score for respondents and relatives; small units show "For få svar". */
import { useTranslation } from 'react-i18next';
import type { Results } from '../shared/coordinatorApi.ts';
import { NS } from './i18n.ts';
import { ScoreValue } from './ScoreValue.tsx';

export function UnitsOverview({ units }: { readonly units: Results['units'] }) {
  const { t } = useTranslation(NS);
  return (
    <section aria-labelledby="units-overview-heading" className="results-section">
      <h2 id="units-overview-heading">{t('unitsOverview.heading')}</h2>
      {units.length === 0 ? (
        <p>{t('unitsOverview.none')}</p>
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
              <tr key={unit.unitId}>
                <th scope="row">{unit.name}</th>
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
    </section>
  );
}
