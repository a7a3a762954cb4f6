/**
 * How far a round has come, per unit and questionnaire: "none yet", "under
 * the threshold" or "the threshold or more", never an exact count, so
 * nobody can tell when one person has answered. Totals per voice appear
 * once every unit has reached the threshold or has none. Refreshed every
 * 10 seconds while the round is open, without a reload.
 */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIENCES } from '../../shared/questionnaire.ts';
import type { ProgressStatus, RoundSummary, Unit } from '../../shared/coordinatorApi.ts';
import { NS } from '../i18n.ts';
import type { QuestionnaireInfo } from '../resources.ts';
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
  const threshold = progress?.threshold ?? 0;
  const unitRows: { id: number | null; name: string }[] = units.map((unit) => ({ id: unit.id, name: unit.name }));
  for (const row of rows) {
    if (!unitRows.some((unit) => unit.id === row.unitId)) unitRows.push({ id: row.unitId, name: row.unitName ?? t('progress.noUnit') });
  }
  const statusOf = (unitId: number | null, questionnaireId: string): ProgressStatus =>
    rows.find((row) => row.unitId === unitId && row.questionnaireId === questionnaireId)?.status ?? 'none';
  const column = (q: QuestionnaireInfo) =>
    questionnaires.filter((other) => other.audience === q.audience).length > 1 ? q.title.nb : t(`audience.${q.audience}`);
  const audiences = AUDIENCES.filter((audience) => questionnaires.some((q) => q.audience === audience));

  return (
    <section aria-labelledby="progress-heading" className="panel">
      <h2 id="progress-heading">{t('progress.heading')}</h2>
      <p className="hint">
        {live ? t('progress.live') : t('progress.notLive')}{' '}
        {updatedAt ? t('progress.updated', { time: updatedAt.toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'nb') }) : null}
      </p>
      {error ? <p className="notice error">{error}</p> : null}
      {progress ? (
        <>
          <p>{t('progress.noExactCounts')}</p>
          <table className="data-table">
            <caption className="visually-hidden">{t('progress.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('progress.unit')}</th>
                {questionnaires.map((q) => (
                  <th key={q.id} scope="col">
                    {column(q)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {unitRows.map((unit) => (
                <tr key={unit.id ?? 'none'}>
                  <th scope="row">{unit.name}</th>
                  {questionnaires.map((q) => {
                    const status = statusOf(unit.id, q.id);
                    return (
                      <td key={q.id}>
                        <span className={`progress-status ${status}`}>{t(`progress.status.${status}`, { threshold })}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('progress.totalsHeading')}</h3>
          <dl className="facts">
            {audiences.map((audience) => {
              const total = progress.totals[audience];
              return (
                <Fragment key={audience}>
                  <dt>{t(`audience.${audience}`)}</dt>
                  <dd>{total === null ? <span className="empty">{t('progress.totalHidden', { threshold })}</span> : t('results.nResponses', { count: total })}</dd>
                </Fragment>
              );
            })}
          </dl>
        </>
      ) : null}
    </section>
  );
}
