/** Each theme's score across the municipality's rounds with the same questionnaire, oldest first, one table per voice. */
import { useTranslation } from 'react-i18next';
import { AUDIENCES } from '../shared/questionnaire.ts';
import { THEMES } from '../shared/themes.ts';
import type { Results } from '../shared/coordinatorApi.ts';
import { formatDate } from './format.ts';
import { HiddenFigure } from './HiddenFigure.tsx';
import { NS } from './i18n.ts';
import { ScoreValue } from './ScoreValue.tsx';

export function TrendTables({ trend }: { readonly trend: Results['trend'] }) {
  const { t, i18n } = useTranslation(NS);
  const rounds = new Set(trend.map((entry) => entry.roundId));
  return (
    <section aria-labelledby="trend-heading" className="results-section">
      <h2 id="trend-heading">{t('trend.heading')}</h2>
      <p>{rounds.size > 1 ? t('trend.intro') : t('trend.onlyThisRound')}</p>
      {AUDIENCES.map((audience) => {
        const entries = trend.filter((entry) => entry.audience === audience).sort((a, b) => a.opensOn.localeCompare(b.opensOn));
        if (entries.length === 0) return null;
        const themes = THEMES.filter((theme) => entries.some((entry) => entry.themes.some((row) => row.theme === theme)));
        return (
          <table key={audience} className="data-table">
            <caption>{t('trend.caption', { audience: t(`audience.${audience}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.theme')}</th>
                {entries.map((entry) => (
                  <th key={entry.roundId} scope="col">
                    {entry.roundName}
                    <span className="n"> ({formatDate(entry.opensOn, i18n.language)})</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {themes.map((theme) => (
                <tr key={theme}>
                  <th scope="row">{t(`themes.${theme}`)}</th>
                  {entries.map((entry) => {
                    const row = entry.themes.find((candidate) => candidate.theme === theme);
                    return <td key={entry.roundId}>{row ? <ScoreValue score={row.score} /> : <HiddenFigure status="empty" />}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}
