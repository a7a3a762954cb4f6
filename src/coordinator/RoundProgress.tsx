/** Responses so far per unit and questionnaire; refreshed every 10 seconds while the round is open, without a reload. */
import { useTranslation } from 'react-i18next';
import type { RoundSummary, Unit } from '../shared/coordinatorApi.ts';
import { NS } from './i18n.ts';
import type { QuestionnaireInfo } from './resources.ts';
import { useProgress } from './useProgress.ts';

export interface RoundProgressProps {
  readonly round: RoundSummary;
  readonly units: readonly Unit[];
  readonly questionnaires: readonly QuestionnaireInfo[];
}

export function RoundProgress({ round, units, questionnaires }: RoundProgressProps) {
  const { t, i18n } = useTranslation(NS);
  const live = round.status === 'open';
  const { progress, updatedAt, error } = useProgress(round.id, live);
  const rows = progress?.rows ?? [];
  const unitRows: { id: number | null; name: string }[] = units.map((unit) => ({ id: unit.id, name: unit.name }));
  for (const row of rows) {
    if (!unitRows.some((unit) => unit.id === row.unitId)) unitRows.push({ id: row.unitId, name: row.unitName ?? t('progress.noUnit') });
  }
  const count = (unitId: number | null, questionnaireId: string) =>
    rows.filter((row) => row.unitId === unitId && row.questionnaireId === questionnaireId).reduce((sum, row) => sum + row.count, 0);
  const column = (q: QuestionnaireInfo) =>
    questionnaires.filter((other) => other.audience === q.audience).length > 1 ? q.title.nb : t(`audience.${q.audience}`);

  return (
    <section aria-labelledby="progress-heading" className="panel">
      <h2 id="progress-heading">{t('progress.heading')}</h2>
      <p className="hint">
        {live ? t('progress.live') : t('progress.notLive')}{' '}
        {updatedAt ? t('progress.updated', { time: updatedAt.toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'nb') }) : null}
      </p>
      {error ? <p className="notice error">{error}</p> : null}
      {progress ? (
        <table className="data-table">
          <caption className="visually-hidden">{t('progress.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progress.unit')}</th>
              {questionnaires.map((q) => (
                <th key={q.id} scope="col" className="number">
                  {column(q)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {unitRows.map((unit) => (
              <tr key={unit.id ?? 'none'}>
                <th scope="row">{unit.name}</th>
                {questionnaires.map((q) => (
                  <td key={q.id} className="number">
                    {count(unit.id, q.id)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('progress.total')}</th>
              <td colSpan={Math.max(1, questionnaires.length)} className="number">
                {progress.total}
              </td>
            </tr>
          </tfoot>
        </table>
      ) : null}
    </section>
  );
}
