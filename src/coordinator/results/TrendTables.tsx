/**
 * Each theme's score (or favourable share) across the municipality's rounds
 * with the same questionnaire, oldest first, one table per voice; with the
 * favourable share also one table per voice of the questions the earlier
 * rounds asked too (across editions: those a mapping links).
 */
import { useTranslation } from 'react-i18next';
import { AUDIENCES } from '../../shared/questionnaire.ts';
import { THEMES } from '../../shared/themes.ts';
import type { Results } from '../../shared/coordinatorApi.ts';
import { formatDate } from '../format.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { NS } from '../i18n.ts';
import { CsvLink } from './CsvLink.tsx';
import { ScoreValue } from './ScoreValue.tsx';
import { ShareValue } from './ShareValue.tsx';

export interface TrendTablesProps {
  readonly trend: Results['trend'];
  /** The 0–100 score (the default) or the share of favourable answers. */
  readonly measure?: 'score' | 'favourable';
  /** Where the table's CSV file is: the round's. */
  readonly roundId?: number;
  /** This round's questions (their texts), for the question trend; shown with the favourable share only. */
  readonly questions?: Results['questions'];
}

export function TrendTables({ trend, measure = 'score', roundId, questions }: TrendTablesProps) {
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
            <RoundColumns first={t('results.theme')} entries={entries} />
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
      {favourable && questions && rounds.size > 1 ? <QuestionTrend trend={trend} questions={questions} /> : null}
      {roundId !== undefined ? <CsvLink roundId={roundId} table="trend" /> : null}
    </section>
  );
}

/** Per voice, the favourable share of each question of this round in every round that asked it (under its id then). */
function QuestionTrend({ trend, questions }: { readonly trend: Results['trend']; readonly questions: Results['questions'] }) {
  const { t, i18n } = useTranslation(NS);
  const text = (question: Results['questions'][number]) => question.text[i18n.language] ?? question.text.nb ?? question.questionId;
  return (
    <>
      <p>{t('trend.questionIntro')}</p>
      {AUDIENCES.map((audience) => {
        const entries = trend.filter((entry) => entry.audience === audience).sort((a, b) => a.opensOn.localeCompare(b.opensOn));
        const asked = questions.filter((question) => question.voice === audience && entries.some((entry) => entry.questions.some((q) => q.questionId === question.questionId)));
        if (entries.length < 2 || asked.length === 0) return null;
        return (
          <table key={audience} className="data-table">
            <caption>{t('trend.questionCaption', { audience: t(`audience.${audience}`) })}</caption>
            <RoundColumns first={t('questionPairs.question')} entries={entries} />
            <tbody>
              {asked.map((question) => (
                <tr key={question.questionId}>
                  <th scope="row">{text(question)}</th>
                  {entries.map((entry) => {
                    const row = entry.questions.find((candidate) => candidate.questionId === question.questionId);
                    return <td key={entry.roundId}>{row ? <ShareValue share={row.favourable} /> : t('trend.notAsked')}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}

/** The header row of a trend table: what the rows are, then one column per round, oldest first. */
function RoundColumns({ first, entries }: { readonly first: string; readonly entries: Results['trend'] }) {
  const { i18n } = useTranslation(NS);
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {entries.map((entry) => (
          <th key={entry.roundId} scope="col">
            {entry.roundName}
            <span className="n"> ({formatDate(entry.opensOn, i18n.language)})</span>
          </th>
        ))}
      </tr>
    </thead>
  );
}
