/** Each theme's score (or favourable share) across the municipality's rounds with the same questionnaire, oldest first, one table per voice. */
import { useTranslation } from 'react-i18next';
import { AUDIENCES } from '../shared/questionnaire.ts';
import { THEMES } from '../shared/themes.ts';
import type { Results } from '../shared/coordinatorApi.ts';
import { formatDate } from './format.ts';
import { HiddenFigure } from './HiddenFigure.tsx';
import { NS } from './i18n.ts';
import { CsvLink } from './results/CsvLink.tsx';
import { ScoreValue } from './ScoreValue.tsx';
import { ShareValue } from './results/ShareValue.tsx';

export interface TrendTablesProps {
  readonly trend: Results['trend'];
  /** The 0–100 score (the default) or the share of favourable answers. */
  readonly measure?: 'score' | 'favourable';
  /** Where the table's CSV file is: the round's. */
  readonly roundId?: number;
}

export function TrendTables({ trend, measure = 'score', roundId }: TrendTablesProps) {
  const { t, i18n } = useTranslation(NS);
  const rounds = new Set(trend.map((entry) => entry.roundId));
  const favourable = measure === 'favourable';
  const headingId = favourable ? 'trend-favourable-heading' : 'trend-heading';
  return (
    <section aria-labelledby={headingId} className="results-section">
      <h2 id={headingId}>{favourable ? t('report.trendHeading') : t('trend.heading')}</h2>
      <p>{rounds.size > 1 ? t('trend.intro') : t('trend.onlyThisRound')}</p>
      {/* The shares of one round are in the table above; a trend needs two. */}
      {favourable && rounds.size < 2 ? null : AUDIENCES.map((audience) => {
        const entries = trend.filter((entry) => entry.audience === audience).sort((a, b) => a.opensOn.localeCompare(b.opensOn));
        if (entries.length === 0) return null;
        const themes = THEMES.filter((theme) => entries.some((entry) => entry.themes.some((row) => row.theme === theme)));
        return (
          <table key={audience} className="data-table">
            <caption>{favourable ? t('trend.favourableCaption', { audience: t(`audience.${audience}`) }) : t('trend.caption', { audience: t(`audience.${audience}`) })}</caption>
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
                    if (!row) return <td key={entry.roundId}><HiddenFigure status="empty" /></td>;
                    return <td key={entry.roundId}>{favourable ? <ShareValue share={row.favourable} /> : <ScoreValue score={row.score} />}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      {roundId !== undefined ? <CsvLink roundId={roundId} table="trend" /> : null}
    </section>
  );
}
