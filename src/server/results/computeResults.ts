/**
 * Everything the results page shows for a round, computed in SQL and then
 * suppressed: no figure for a group below the threshold, and complementary
 * suppression among units and answer modes so a hidden group cannot be
 * found by subtraction.
 */
import type { Kysely } from 'kysely';
import { isSuppressed, suppressSmallGroups } from '../../shared/anonymity.ts';
import { ANSWER_MODE_OF, ANSWER_MODES, type AnswerMode, type QuestionResult, type Results, type ResultsQuery, type Score } from '../../shared/coordinatorApi.ts';
import type { Audience, Questionnaire } from '../../shared/questionnaire.ts';
import { FINAL_COMMENT_KEY } from '../../shared/responseRules.ts';
import { getScale } from '../../shared/scales.ts';
import { THEMES, type ThemeId } from '../../shared/themes.ts';
import type { Database, Round } from '../db/schema.ts';
import type { QuestionnaireCache } from '../questionnaireVersions.ts';
import { commentsOf, consistency, countsBy, overallScore, themeScores, valueCounts } from './aggregates.ts';
import { groupSize, type GroupFilter } from './filters.ts';

const round1 = (value: number) => Math.round(value * 10) / 10;
const HIDDEN: Score = { n: null, score: null, suppressed: true };

function score(n: number, value: number | null, hidden: boolean, threshold: number): Score {
  if (hidden || isSuppressed(n, threshold)) return HIDDEN;
  return { n, score: value === null ? null : round1(value), suppressed: false };
}

async function themeRow(db: Kysely<Database>, filter: GroupFilter, hidden: boolean, threshold: number): Promise<Map<ThemeId, Score>> {
  const rows = hidden ? [] : await themeScores(db, filter);
  return new Map(
    THEMES.map((theme) => {
      const row = rows.find((r) => r.theme === theme);
      // A theme nobody answered is as "too few" as one a few answered.
      return [theme, row ? score(row.n, row.score, hidden, threshold) : HIDDEN];
    }),
  );
}

export interface ResultsInput {
  readonly db: Kysely<Database>;
  readonly cache: QuestionnaireCache;
  readonly round: Round;
  readonly threshold: number;
  readonly query: ResultsQuery;
}

export async function roundQuestionnaires(db: Kysely<Database>, cache: QuestionnaireCache, roundId: number): Promise<Map<Audience, Questionnaire>> {
  const ids = await db.selectFrom('round_questionnaires').select('questionnaire_id').where('round_id', '=', roundId).execute();
  const byAudience = new Map<Audience, Questionnaire>();
  for (const { questionnaire_id } of ids) {
    const q = await cache.latest(questionnaire_id);
    if (q) byAudience.set(q.audience, q);
  }
  return byAudience;
}

/** Whether the chosen unit or answer mode is hidden among its siblings (complementary suppression). */
async function filterHidden(db: Kysely<Database>, base: GroupFilter, threshold: number): Promise<boolean> {
  if (base.unitId !== undefined) {
    const units = await countsBy(db, { ...base, unitId: undefined }, 'unit_id');
    const { hidden } = suppressSmallGroups(units.map((u) => ({ key: String(u.key), n: u.n })), threshold, true);
    if (hidden.has(String(base.unitId))) return true;
  }
  if (base.answerMode !== undefined && base.audience === 'respondent') {
    const modes = await modeCounts(db, { ...base, answerMode: undefined });
    const { hidden } = suppressSmallGroups(modes, threshold, true);
    if (hidden.has(base.answerMode)) return true;
  }
  return false;
}

async function modeCounts(db: Kysely<Database>, filter: GroupFilter): Promise<{ key: AnswerMode; n: number }[]> {
  const rows = await countsBy(db, filter, 'answered_by');
  return ANSWER_MODES.map((mode) => ({
    key: mode,
    n: rows.filter((r) => r.key !== null && ANSWER_MODE_OF[r.key as keyof typeof ANSWER_MODE_OF] === mode).reduce((sum, r) => sum + r.n, 0),
  }));
}

function questionResults(q: Questionnaire, counts: Awaited<ReturnType<typeof valueCounts>>, groupHidden: boolean, threshold: number): QuestionResult[] {
  return q.questions.map((question) => {
    const rows = counts.filter((c) => c.questionId === question.id);
    const n = rows.reduce((sum, r) => sum + r.count, 0);
    const skipped = rows.filter((r) => r.value === null).reduce((sum, r) => sum + r.count, 0);
    const hidden = groupHidden || isSuppressed(n, threshold);
    const answered = n - skipped;
    return {
      questionnaireId: q.id,
      audience: q.audience,
      questionId: question.id,
      sectionId: question.section,
      theme: question.theme ?? null,
      text: question.text,
      n: hidden ? null : n,
      skipped: hidden ? null : skipped,
      suppressed: hidden,
      options: getScale(question.scale).options.map((option) => {
        const count = rows.find((r) => r.value === option.value)?.count ?? 0;
        return {
          value: option.value,
          label: option.label,
          count: hidden ? null : count,
          percent: hidden || answered === 0 ? null : round1((count / answered) * 100),
        };
      }),
    };
  });
}

function pairsOf(q: Questionnaire): [string, string][] {
  return q.questions.filter((question) => question.pairedWith && !question.reversed).map((question) => [question.id, question.pairedWith!]);
}

export async function computeResults({ db, cache, round, threshold, query }: ResultsInput): Promise<Results> {
  const questionnaires = await roundQuestionnaires(db, cache, round.id);
  const audiences: Audience[] = ['respondent', 'relative'];
  const base = (audience: Audience): GroupFilter => ({ roundId: round.id, audience, unitId: query.unitId, answerMode: query.answerMode });

  const groups = {} as Record<Audience, { n: number; hidden: boolean; themes: Map<ThemeId, Score> }>;
  for (const audience of audiences) {
    const filter = base(audience);
    const n = await groupSize(db, filter);
    const hidden = isSuppressed(n, threshold) || (await filterHidden(db, filter, threshold));
    groups[audience] = { n, hidden, themes: await themeRow(db, filter, hidden, threshold) };
  }

  const themes = THEMES.map((theme) => {
    const respondent = groups.respondent.themes.get(theme)!;
    const relative = groups.relative.themes.get(theme)!;
    const difference = respondent.score !== null && relative.score !== null ? round1(respondent.score - relative.score) : null;
    return { theme, respondent, relative, difference };
  });

  const modeFilter: GroupFilter = { ...base('respondent'), answerMode: undefined };
  const modes = await modeCounts(db, modeFilter);
  const modeSuppression = suppressSmallGroups(modes, threshold, true);
  const modeBase = await groupSize(db, modeFilter);
  const modeBaseHidden = isSuppressed(modeBase, threshold) || (await filterHidden(db, modeFilter, threshold));
  const byAnswerMode = [];
  for (const mode of ANSWER_MODES) {
    const n = modes.find((m) => m.key === mode)?.n ?? 0;
    const hidden = modeBaseHidden || modeSuppression.hidden.has(mode) || isSuppressed(n, threshold);
    const themesOfMode = await themeRow(db, { ...modeFilter, answerMode: mode }, hidden, threshold);
    byAnswerMode.push({ mode, group: score(n, null, hidden, threshold), themes: THEMES.map((theme) => ({ theme, score: themesOfMode.get(theme)! })) });
  }

  const unitRows = await db
    .selectFrom('round_units')
    .innerJoin('units', 'units.id', 'round_units.unit_id')
    .select(['units.id', 'units.name'])
    .where('round_units.round_id', '=', round.id)
    .orderBy('units.name')
    .execute();
  const unitScores = {} as Record<Audience, Map<number, Score>>;
  for (const audience of audiences) {
    const filter: GroupFilter = { ...base(audience), unitId: undefined };
    const counts = await countsBy(db, filter, 'unit_id');
    const { hidden } = suppressSmallGroups(counts.map((c) => ({ key: String(c.key), n: c.n })), threshold, true);
    const map = new Map<number, Score>();
    for (const unit of unitRows) {
      const n = counts.find((c) => c.key === String(unit.id))?.n ?? 0;
      const unitHidden = hidden.has(String(unit.id)) || isSuppressed(n, threshold);
      const overall = unitHidden ? { n, score: null } : await overallScore(db, { ...filter, unitId: unit.id });
      map.set(unit.id, score(n, overall.score, unitHidden, threshold));
    }
    unitScores[audience] = map;
  }
  const units = unitRows.map((u) => ({ unitId: u.id, name: u.name, respondent: unitScores.respondent.get(u.id)!, relative: unitScores.relative.get(u.id)! }));

  const questions: QuestionResult[] = [];
  const trend: Results['trend'] = [];
  const consistencyRows: Results['consistency'] = [];
  for (const audience of audiences) {
    const q = questionnaires.get(audience);
    if (!q) continue;
    const group = groups[audience];
    questions.push(...questionResults(q, group.hidden ? [] : await valueCounts(db, base(audience)), group.hidden, threshold));

    const earlier = await db
      .selectFrom('rounds')
      .innerJoin('round_questionnaires', 'round_questionnaires.round_id', 'rounds.id')
      .select(['rounds.id', 'rounds.name', 'rounds.opens_on'])
      .where('rounds.municipality_id', '=', round.municipality_id)
      .where('round_questionnaires.questionnaire_id', '=', q.id)
      .where('rounds.opens_on', '<=', round.opens_on)
      .orderBy('rounds.opens_on')
      .orderBy('rounds.id')
      .execute();
    for (const r of earlier) {
      const filter: GroupFilter = { ...base(audience), roundId: r.id };
      const n = await groupSize(db, filter);
      const hidden = isSuppressed(n, threshold) || (await filterHidden(db, filter, threshold));
      const rowThemes = await themeRow(db, filter, hidden, threshold);
      trend.push({ roundId: r.id, roundName: r.name, opensOn: r.opens_on, audience, themes: THEMES.map((theme) => ({ theme, score: rowThemes.get(theme)! })) });
    }

    const stats = group.hidden ? null : await consistency(db, base(audience), pairsOf(q));
    consistencyRows.push({
      audience,
      group: score(group.n, null, group.hidden, threshold),
      sameAnswerShare: stats && stats.n > 0 ? round1((stats.sameAnswer / stats.n) * 100) : null,
      inconsistentPairShare: stats && stats.pairAnswered > 0 ? round1((stats.pairInconsistent / stats.pairAnswered) * 100) : null,
    });
  }

  const relativeQ = questionnaires.get('relative');
  const commentsHidden = groups.relative.hidden;
  const comments = commentsHidden || !relativeQ ? [] : await commentsOf(db, base('relative'));
  const sections = [
    ...(relativeQ?.sections.filter((s) => s.comment).map((s) => ({ key: s.id, title: s.comment!.label })) ?? []),
    ...(relativeQ?.finalComment ? [{ key: FINAL_COMMENT_KEY, title: relativeQ.finalComment.label }] : []),
  ].map((section) => ({ ...section, comments: comments.filter((c) => c.key === section.key).map((c) => c.body) }));

  return {
    threshold,
    filters: query,
    groups: {
      respondent: score(groups.respondent.n, null, groups.respondent.hidden, threshold),
      relative: score(groups.relative.n, null, groups.relative.hidden, threshold),
    },
    themes,
    twoVoices: themes.filter((t) => t.difference !== null).sort((a, b) => Math.abs(b.difference!) - Math.abs(a.difference!)),
    byAnswerMode,
    units,
    questions,
    trend,
    consistency: consistencyRows,
    comments: { suppressed: commentsHidden, sections },
  };
}
