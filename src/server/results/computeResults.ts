/**
 * Everything the results page, the report and the exports show for a
 * round, computed in SQL from the released responses and passed through
 * the round's disclosure control: each figure is shown only where
 * `RoundDisclosure` says its margin may be. A unit and an answer mode are
 * never crossed: the filter picks one margin (the total, a unit or a mode).
 * Values are exact; they are rounded once, where they are written.
 */
import type { Kysely } from 'kysely';
import { ANSWER_MODES, type DisclosureStatus, type QuestionResult, type Results, type ResultsQuery, type Score } from '../../shared/coordinatorApi.ts';
import { modeGroup, unitGroup, type GroupKey } from '../../shared/disclosure/linkedTable.ts';
import type { Audience, Questionnaire } from '../../shared/questionnaire.ts';
import { FINAL_COMMENT_KEY } from '../../shared/responseRules.ts';
import { getScale } from '../../shared/scales.ts';
import { THEMES, type ThemeId } from '../../shared/themes.ts';
import { HttpError } from '../apiErrors.ts';
import type { Database, Round } from '../db/schema.ts';
import type { QuestionnaireCache } from '../questionnaireVersions.ts';
import { roundUnits } from '../rounds.ts';
import { summaryFigures } from '../summaries/summaryFigures.ts';
import { measure, NO_UNIT } from './cellTables.ts';
import { commentsOf } from './comments.ts';
import type { FigureSource } from './figureSource.ts';
import type { GroupFilter } from './filters.ts';
import { releaseIfDue } from './releases.ts';
import { loadDisclosure, type RoundDisclosure } from './roundDisclosure.ts';
import { pairsOf, roundQuestionnaires } from './roundQuestionnaires.ts';
import { nextTurn } from '../nextTurn.ts';

const AUDIENCES: readonly Audience[] = ['respondent', 'relative'];

type Figures = Pick<Required<ResultsInput>, 'db' | 'figures'>;


function figure(disclosed: { status: DisclosureStatus; n: number }, value: number | null): Score {
  if (disclosed.status === 'shown') return { n: disclosed.n, score: value, suppressed: false, status: 'shown' };
  return { n: disclosed.status === 'empty' ? 0 : null, score: null, suppressed: true, status: disclosed.status };
}

export interface ResultsInput {
  readonly db: Kysely<Database>;
  readonly cache: QuestionnaireCache;
  readonly round: Round;
  readonly threshold: number;
  readonly query: ResultsQuery;
  /** Where the numbers come from: the summary tables; tests pass the raw-answer oracle. */
  readonly figures?: FigureSource;
}

/** The margin a filter picks, per audience: relatives have no answer mode, so a mode filter leaves them whole. */
function marginOf(query: ResultsQuery, audience: Audience): { group: GroupKey; filter: Pick<GroupFilter, 'unitId' | 'answerMode'> } {
  if (query.unitId !== undefined) return { group: unitGroup(String(query.unitId)), filter: { unitId: query.unitId } };
  if (query.answerMode !== undefined && audience === 'respondent') return { group: modeGroup(query.answerMode), filter: { answerMode: query.answerMode } };
  return { group: 'total', filter: {} };
}

async function themeFigures(input: Figures, view: RoundDisclosure, filter: GroupFilter, group: GroupKey): Promise<Map<ThemeId, Score>> {
  const shown = THEMES.filter((theme) => view.disclosed(filter.audience, measure.theme(theme), group).status === 'shown');
  const rows = shown.length > 0 ? await input.figures.themeScores(input.db, filter) : [];
  return new Map(THEMES.map((theme) => [theme, figure(view.disclosed(filter.audience, measure.theme(theme), group), rows.find((r) => r.theme === theme)?.score ?? null)]));
}

async function questionFigures(input: Figures, view: RoundDisclosure, q: Questionnaire, filter: GroupFilter, group: GroupKey): Promise<QuestionResult[]> {
  const statuses = q.questions.map((question) => view.disclosed(q.audience, measure.question(question.id), group));
  const counts = statuses.some((s) => s.status === 'shown') ? await input.figures.valueCounts(input.db, filter) : [];
  return q.questions.map((question, index) => {
    const { status, n } = statuses[index]!;
    const shown = status === 'shown';
    const rows = counts.filter((c) => c.questionId === question.id);
    const skipped = rows.filter((r) => r.value === null).reduce((sum, r) => sum + r.count, 0);
    const answered = n - skipped;
    return {
      questionnaireId: q.id,
      audience: q.audience,
      questionId: question.id,
      sectionId: question.section,
      theme: question.theme ?? null,
      text: question.text,
      n: shown ? n : status === 'empty' ? 0 : null,
      skipped: shown ? skipped : null,
      suppressed: !shown,
      status,
      options: getScale(question.scale).options.map((option) => {
        const count = rows.find((r) => r.value === option.value)?.count ?? 0;
        return { value: option.value, label: option.label, count: shown ? count : null, percent: shown && answered > 0 ? (count / answered) * 100 : null };
      }),
    };
  });
}

/** Theme figures of earlier rounds with the same questionnaire, each from its own newest release. */
async function trendOf(input: Required<ResultsInput>, q: Questionnaire, current: RoundDisclosure): Promise<Results['trend']> {
  const { db, cache, round, threshold, query, figures } = input;
  const rounds = await db
    .selectFrom('rounds')
    .innerJoin('round_questionnaires', 'round_questionnaires.round_id', 'rounds.id')
    .selectAll('rounds')
    .where('rounds.municipality_id', '=', round.municipality_id)
    .where('round_questionnaires.questionnaire_id', '=', q.id)
    .where('rounds.opens_on', '<=', round.opens_on)
    .orderBy('rounds.opens_on')
    .orderBy('rounds.id')
    .execute();
  const trend: Results['trend'] = [];
  for (const r of rounds) {
    await nextTurn();
    if (r.id !== round.id) await releaseIfDue(db, r, threshold);
    const view = r.id === round.id ? current : await loadDisclosure(db, cache, r, threshold, figures);
    if (!view) continue;
    const { group, filter } = marginOf(query, q.audience);
    const themes = await themeFigures(input, view, { roundId: r.id, audience: q.audience, ...filter }, group);
    trend.push({ roundId: r.id, roundName: r.name, opensOn: r.opens_on, audience: q.audience, themes: THEMES.map((theme) => ({ theme, score: themes.get(theme)! })) });
  }
  return trend;
}

export async function computeResults(given: ResultsInput): Promise<Results> {
  const input = { figures: summaryFigures, ...given };
  const { db, cache, round, threshold, query, figures } = input;
  if (query.unitId !== undefined && query.answerMode !== undefined) throw new HttpError(400, 'filters-not-combinable');
  const view = await loadDisclosure(db, cache, round, threshold, figures);
  if (!view) throw new HttpError(409, 'results-not-released');
  const questionnaires = await roundQuestionnaires(db, cache, round.id);
  const at = (audience: Audience) => {
    const { group, filter } = marginOf(query, audience);
    return { group, filter: { roundId: round.id, audience, ...filter } as GroupFilter };
  };

  const groups = {} as Record<Audience, Score>;
  const themesBy = {} as Record<Audience, Map<ThemeId, Score>>;
  for (const audience of AUDIENCES) {
    const { group, filter } = at(audience);
    groups[audience] = figure(view.disclosed(audience, measure.count, group), null);
    themesBy[audience] = await themeFigures(input, view, filter, group);
  }
  const themes = THEMES.map((theme) => {
    const respondent = themesBy.respondent.get(theme)!;
    const relative = themesBy.relative.get(theme)!;
    const difference = respondent.score !== null && relative.score !== null ? respondent.score - relative.score : null;
    return { theme, respondent, relative, difference };
  });

  const byAnswerMode: Results['byAnswerMode'] = [];
  if (query.unitId === undefined) {
    for (const mode of ANSWER_MODES) {
      const group = modeGroup(mode);
      const modeThemes = await themeFigures(input, view, { roundId: round.id, audience: 'respondent', answerMode: mode }, group);
      byAnswerMode.push({ mode, group: figure(view.disclosed('respondent', measure.count, group), null), themes: THEMES.map((theme) => ({ theme, score: modeThemes.get(theme)! })) });
    }
  }

  await nextTurn();
  const units: Results['units'] = [];
  if (query.answerMode === undefined) {
    const rows: { unitId: number | null; name: string }[] = (await roundUnits(db, round.id)).map((u) => ({ unitId: u.id, name: u.name }));
    // Relatives may name no unit: they are a margin of their own, shown like a unit (the page names it).
    if (AUDIENCES.some((audience) => view.disclosed(audience, measure.count, unitGroup(NO_UNIT)).n > 0)) rows.push({ unitId: null, name: '' });
    const overall = { respondent: await figures.overallByUnit(db, { roundId: round.id, audience: 'respondent' }), relative: await figures.overallByUnit(db, { roundId: round.id, audience: 'relative' }) };
    for (const row of rows) {
      const group = unitGroup(row.unitId === null ? NO_UNIT : String(row.unitId));
      const scores = {} as Record<Audience, Score>;
      for (const audience of AUDIENCES) {
        const count = view.disclosed(audience, measure.count, group);
        const scored = view.disclosed(audience, measure.scored, group);
        const value = count.status === 'shown' && scored.status === 'shown' ? (overall[audience].get(row.unitId)?.score ?? null) : null;
        scores[audience] = figure(count, value);
      }
      units.push({ unitId: row.unitId, name: row.name, respondent: scores.respondent, relative: scores.relative });
    }
  }

  const questions: QuestionResult[] = [];
  const trend: Results['trend'] = [];
  const consistencyRows: Results['consistency'] = [];
  for (const audience of AUDIENCES) {
    const q = questionnaires.get(audience);
    if (!q) continue;
    // SQLite answers synchronously: a turn for other requests between the parts of a page.
    await nextTurn();
    const { group, filter } = at(audience);
    questions.push(...(await questionFigures(input, view, q, filter, group)));
    trend.push(...(await trendOf(input, q, view)));
    const sameShown = view.disclosed(audience, measure.scored, group).status === 'shown';
    const pairShown = view.disclosed(audience, measure.pair, group).status === 'shown';
    const stats = sameShown || pairShown ? await figures.consistency(db, filter, pairsOf(q)) : null;
    consistencyRows.push({
      audience,
      group: groups[audience],
      sameAnswerShare: stats && sameShown && stats.n > 0 ? (stats.sameAnswer / stats.n) * 100 : null,
      inconsistentPairShare: stats && pairShown && stats.pairAnswered > 0 ? (stats.pairInconsistent / stats.pairAnswered) * 100 : null,
    });
  }

  const relativeQ = questionnaires.get('relative');
  const { group: relativeGroup, filter: relativeFilter } = at('relative');
  const sectionKeys = [
    ...(relativeQ?.sections.filter((s) => s.comment).map((s) => ({ key: s.id, title: s.comment!.label })) ?? []),
    ...(relativeQ?.finalComment ? [{ key: FINAL_COMMENT_KEY, title: relativeQ.finalComment.label }] : []),
  ].map((section) => ({ ...section, status: view.disclosed('relative', measure.comment(section.key), relativeGroup).status }));
  const comments = sectionKeys.some((s) => s.status === 'shown') ? await commentsOf(db, relativeFilter) : [];
  const sections = sectionKeys.map((section) => ({ ...section, comments: section.status === 'shown' ? comments.filter((c) => c.key === section.key).map((c) => c.body) : [] }));

  const newest = view.releases.at(-1)!;
  const waiting = await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', round.id).where('release_no', '>', newest.number).executeTakeFirstOrThrow();
  return {
    threshold: Math.max(threshold, newest.threshold),
    filters: query,
    release: { number: newest.number, madeOn: newest.madeOn, responses: AUDIENCES.reduce((sum, a) => sum + view.disclosed(a, measure.count, 'total').n, 0), waiting: Number(waiting.n) > 0 },
    groups,
    themes,
    twoVoices: themes.filter((t) => t.difference !== null).sort((a, b) => Math.abs(b.difference!) - Math.abs(a.difference!)),
    byAnswerMode,
    units,
    questions,
    trend,
    consistency: consistencyRows,
    comments: { suppressed: groups.relative.suppressed, sections },
  };
}
