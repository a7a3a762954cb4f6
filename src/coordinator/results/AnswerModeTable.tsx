/**
 * Respondents' theme scores split by how they answered (alone, with help,
 * someone else, not recorded), side by side. Never crossed with a unit:
 * with a unit chosen the server sends no split, and a line says why.
 */
import { useTranslation } from 'react-i18next';
import { THEMES } from '../../shared/themes.ts';
import type { Results } from '../../shared/coordinatorApi.ts';
import { hiddenStatus } from '../format.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { NS } from '../i18n.ts';
import { CsvLink } from './CsvLink.tsx';
import { ScoreValue } from './ScoreValue.tsx';

export interface AnswerModeTableProps {
  /** Where the table's CSV file is: the round's. */
  readonly roundId?: number;
  readonly modes: Results['byAnswerMode'];
  readonly filters: Results['filters'];
}

export function AnswerModeTable({ modes, filters, roundId }: AnswerModeTableProps) {
  const { t } = useTranslation(NS);
  const themes = THEMES.filter((theme) => modes.some((mode) => mode.themes.some((row) => row.theme === theme)));
  const byUnit = filters.unitId !== undefined;
  return (
    <section aria-labelledby="answer-mode-heading" className="results-section">
      <h2 id="answer-mode-heading">{t('answerModes.heading')}</h2>
      {byUnit && modes.length === 0 ? (
        <p>{t('answerModes.notWithUnit')}</p>
      ) : (
        <>
          <p>{t('answerModes.intro')}</p>
          {modes.length === 0 ? (
            <p>{t('answerModes.none')}</p>
          ) : (
            <table className="data-table">
              <caption>{t('answerModes.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.theme')}</th>
                  {modes.map((mode) => (
                    <th key={mode.mode} scope="col">
                      {t(`answerMode.${mode.mode}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('answerModes.responses')}</th>
                  {modes.map((mode) => {
                    const status = hiddenStatus(mode.group);
                    return <td key={mode.mode}>{status ? <HiddenFigure status={status} /> : t('results.nResponses', { count: mode.group.n ?? 0 })}</td>;
                  })}
                </tr>
                {themes.map((theme) => (
                  <tr key={theme}>
                    <th scope="row">{t(`themes.${theme}`)}</th>
                    {modes.map((mode) => {
                      const row = mode.themes.find((candidate) => candidate.theme === theme);
                      return <td key={mode.mode}>{row ? <ScoreValue score={row.score} /> : <HiddenFigure status="empty" />}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {roundId !== undefined ? <CsvLink roundId={roundId} table="modes" /> : null}
    </section>
  );
}
