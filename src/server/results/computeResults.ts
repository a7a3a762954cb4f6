/**
 * Everything the results page, the report and the exports show for a
 * round, computed from the summary tables of the released responses and
 * passed through the round's disclosure control: each figure is shown only
 * where `RoundDisclosure` says its margin may be. A unit and an answer
 * mode are never crossed: the filter picks one margin (the total, a unit
 * or a mode). "The persons themselves" leave out answers someone else gave
 * on their behalf, which are a group of their own (the proxy margin);
 * `withoutFlagged` reads every figure from the margins without the
 * responses the consistency checks flagged. Values are exact; they are
 * rounded once, where they are written.
 */
import type { Kysely } from 'kysely';
import { ANSWER_MODES, PROXY_MODE, type BlockRow, type DisclosureStatus, type QuestionResult, type Results, type ResultsQuery, type Score, type Share, type Voice } from '../../shared/coordinatorApi.ts';
import { cleanGroup, modeGroup, unitGroup, type GroupKey } from '../../shared/disclosure/linkedTable.ts';
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
import { blockShare, changeOf, hiddenShare, questionShare, themeShare, verdictOf } from './favourableShares.ts';
import type { FigureSource, ValueCount } from './figureSource.ts';
import type { GroupFilter } from './filters.ts';
import { releaseIfDue } from './releases.ts';
import { loadDisclosure, type RoundDisclosure } from './roundDisclosure.ts';
import { ownBlockQuestions, pairsOf, sectionCompared } from '../../shared/favourableAnswer.ts';
import { favourableValues } from '../../shared/results/favourable.ts';
import { roundQuestionnaires } from './roundQuestionnaires.ts';
import { nextTurn } from '../nextTurn.ts';
import { roundComparison } from '../comparison/roundComparison.ts';

const AUDIENCES: readonly Audience[] = ['respondent', 'relative'];

type Figures = Pick<Required<ResultsInput>, 'db' | 'figures'>;
type Inputs = Required<Omit<ResultsInput, 'today'>> & Pick<ResultsInput, 'today'>;

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
  /** The day the comparison with other municipalities is made as of (tests and the bench; default today). */
  readonly today?: string;
}

/** One group a figure is about: its margin in the disclosure tables and the filter that reads it. */
interface Margin {
  readonly audience: Audience;
  readonly group: GroupKey;
  readonly filter: GroupFilter;
}

function margin(roundId: number, audience: Audience, base: GroupKey, filter: Pick<GroupFilter, 'unitId' | 'answerMode'>, withoutFlagged: boolean): Margin {
  return { audience, group: withoutFlagged ? cleanGroup(base) : base, filter: { roundId, audience, ...filter, withoutFlagged } };
}

/** The margin a filter picks, per voice: relatives have no answer mode (a mode filter leaves them whole); proxy answers are shown apart only on the whole round's page. */
function marginOf(roundId: number, query: ResultsQuery, voice: Voice): Margin | null {
  const clean = query.withoutFlagged === true;
  if (voice === 'proxy') {
    if (query.unitId !== undefined || query.answerMode !== undefined) return null;
    return margin(roundId, 'respondent', modeGroup(PROXY_MODE), { answerMode: PROXY_MODE }, clean);
  }
  if (query.unitId !== undefined) return margin(roundId, voice, unitGroup(String(query.unitId)), { unitId: query.unitId }, clean);
  if (query.answerMode !== undefined && voice === 'respondent') return margin(roundId, voice, modeGroup(query.answerMode), { answerMode: query.answerMode }, clean);
  return margin(roundId, voice, 'total', {}, clean);
}

async function themeFigures(input: Figures, view: RoundDisclosure, m: Margin): Promise<Map<ThemeId, Score>> {
  const shown = THEMES.filter((theme) => view.disclosed(m.audience, measure.theme(theme), m.group).status === 'shown');
  const rows = shown.length > 0 ? await input.figures.themeScores(input.db, m.filter) : [];
  return new Map(THEMES.map((theme) => [theme, figure(view.disclosed(m.audience, measure.theme(theme), m.group), rows.find((r) => r.theme === theme)?.score ?? null)]));
}

/** The value counts of a margin, read only when one of its questions is shown. */
function anyQuestionShown(view: RoundDisclosure, q: Questionnaire, m: Margin): boolean {
  return q.questions.some((question) => view.disclosed(m.audience, measure.question(question.id), m.group).status === 'shown');
}

async function countsOf(input: Figures, view: RoundDisclosure, q: Questionnaire, m: Margin): Promise<ValueCount[]> {
  return anyQuestionShown(view, q, m) ? input.figures.valueCounts(input.db, m.filter) : [];
}

function themeShares(view: RoundDisclosure, q: Questionnaire | undefined, m: Margin, counts: readonly ValueCount[]): Map<ThemeId, Share> {
  return new Map(
    THEMES.map((theme) => [
      theme,
      q ? themeShare(q, theme, counts, view.disclosed(m.audience, measure.theme(theme), m.group), (id) => view.disclosed(m.audience, measure.question(id), m.group)) : hiddenShare('empty'),
    ]),
  );
}

function questionFigures(view: RoundDisclosure, q: Questionnaire, m: Margin, voice: Voice, counts: readonly ValueCount[]): QuestionResult[] {
  const apart = ownBlockQuestions(q);
  return q.questions.map((question) => {
    const { status, n } = view.disclosed(m.audience, measure.question(question.id), m.group);
    const shown = status === 'shown';
    const rows = counts.filter((c) => c.questionId === question.id);
    const skipped = rows.filter((r) => r.value === null).reduce((sum, r) => sum + r.count, 0);
    const answered = n - skipped;
    return {
      questionnaireId: q.id,
      audience: q.audience,
      voice,
      questionId: question.id,
      sectionId: question.section,
      theme: question.theme ?? null,
      block: apart.has(question.id) ? (q.sections.find((section) => section.id === question.section)?.title ?? null) : null,
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

/** The sections of a questionnaire reported apart, each with the favourable share of its shown questions. */
function blockFigures(view: RoundDisclosure, q: Questionnaire, m: Margin, voice: Voice, counts: readonly ValueCount[]): BlockRow[] {
  return q.sections
    .filter((section) => !sectionCompared(section))
    .map((section) => ({
      voice,
      questionnaireId: q.id,
      sectionId: section.id,
      title: section.title,
      favourable: blockShare(
        q.questions.filter((question) => question.section === section.id),
        counts,
        (id) => view.disclosed(m.audience, measure.question(id), m.group),
      ),
    }));
}

/** Earlier rounds of the municipality with the same questionnaire, oldest first, each with its newest release. */
async function roundsOf(input: Inputs, q: Questionnaire): Promise<Round[]> {
  const { db, round } = input;
  return db
    .selectFrom('rounds')
    .innerJoin('round_questionnaires', 'round_questionnaires.round_id', 'rounds.id')
    .selectAll('rounds')
    .where('rounds.municipality_id', '=', round.municipality_id)
    .where('round_questionnaires.questionnaire_id', '=', q.id)
    .where('rounds.opens_on', '<=', round.opens_on)
    .orderBy('rounds.opens_on')
    .orderBy('rounds.id')
    .execute();
}

async function viewOf(input: Inputs, r: Round, current: RoundDisclosure): Promise<RoundDisclosure | null> {
  if (r.id === input.round.id) return current;
  await releaseIfDue(input.db, r, input.threshold);
  return loadDisclosure(input.db, input.cache, r, input.threshold, input.figures);
}

/**
 * Earlier rounds' questions as this round's questions: for each counted
 * question of `q`, the id the earlier version `asked` used for it (the same
 * id in the same version; across editions only through a mapping, which
 * links questions that ask the same on the same scale and direction).
 */
function askedAs(input: Inputs, q: Questionnaire, asked: Questionnaire): Map<string, string> {
  const counted = q.questions.filter((question) => favourableValues(question) !== null);
  if (asked.version === q.version) return new Map(counted.map((question) => [question.id, question.id]));
  const links = input.cache.links(q.id, asked.version, q.version);
  const result = new Map<string, string>();
  for (const question of counted) {
    const older = links?.get(question.id);
    if (older !== undefined && asked.questions.some((candidate) => candidate.id === older)) result.set(question.id, older);
  }
  return result;
}

/**
 * Theme figures of earlier rounds with the same questionnaire, each from its
 * own newest release and read with the version that round asked; and the
 * favourable share of each question the earlier round asked too (mapped
 * across editions), shown where that round's own page shows it.
 */
async function trendOf(input: Inputs, q: Questionnaire, current: RoundDisclosure): Promise<Results['trend']> {
  const trend: Results['trend'] = [];
  for (const r of await roundsOf(input, q)) {
    await nextTurn();
    const view = await viewOf(input, r, current);
    if (!view) continue;
    const asked = r.id === input.round.id ? q : ((await roundQuestionnaires(input.db, input.cache, r.id)).get(q.audience) ?? q);
    const m = marginOf(r.id, input.query, q.audience)!;
    const themes = await themeFigures(input, view, m);
    const counts = await countsOf(input, view, asked, m);
    const shares = themeShares(view, asked, m, counts);
    const questions = [...askedAs(input, q, asked)].map(([questionId, oldId]) => ({
      questionId,
      askedAs: oldId,
      favourable: questionShare(asked.questions.find((question) => question.id === oldId)!, counts, view.disclosed(m.audience, measure.question(oldId), m.group)),
    }));
    trend.push({ roundId: r.id, roundName: r.name, opensOn: r.opens_on, audience: q.audience, themes: THEMES.map((theme) => ({ theme, score: themes.get(theme)!, favourable: shares.get(theme)! })), questions });
  }
  return trend;
}

type UnitRow = { unitId: number | null; name: string };

/** Per unit, per audience, the favourable share of each theme in one round. */
async function unitShares(input: Inputs, view: RoundDisclosure, roundId: number, units: readonly UnitRow[], questionnaires: Map<Audience, Questionnaire>): Promise<Map<number | null, Record<Audience, Map<ThemeId, Share>>>> {
  const result = new Map<number | null, Record<Audience, Map<ThemeId, Share>>>();
  const clean = input.query.withoutFlagged === true;
  // Every unit's value counts in one read per voice; a unit whose questions are all hidden gets none, as countsOf would give it.
  const counts = new Map<Audience, Map<number | null, ValueCount[]>>();
  for (const audience of AUDIENCES) {
    counts.set(audience, questionnaires.has(audience) ? await input.figures.valueCountsByUnit(input.db, { roundId, audience, withoutFlagged: clean }) : new Map());
  }
  for (const unit of units) {
    const byAudience = {} as Record<Audience, Map<ThemeId, Share>>;
    for (const audience of AUDIENCES) {
      const q = questionnaires.get(audience);
      const m = margin(roundId, audience, unitGroup(unit.unitId === null ? NO_UNIT : String(unit.unitId)), { unitId: unit.unitId }, clean);
      byAudience[audience] = themeShares(view, q, m, q && anyQuestionShown(view, q, m) ? (counts.get(audience)!.get(unit.unitId) ?? []) : []);
    }
    result.set(unit.unitId, byAudience);
    await nextTurn();
  }
  return result;
}

/** Units × themes for both voices, and the change since the round before (same questionnaires, a release of its own). */
async function matrixOf(input: Inputs, view: RoundDisclosure, units: readonly UnitRow[], questionnaires: Map<Audience, Questionnaire>): Promise<Results['matrix']> {
  if (input.query.answerMode !== undefined) return { previousRound: null, rows: [] };
  const now = await unitShares(input, view, input.round.id, units, questionnaires);
  const anyQ = questionnaires.get('respondent') ?? questionnaires.get('relative');
  const earlier = anyQ ? (await roundsOf(input, anyQ)).filter((r) => r.id !== input.round.id && r.opens_on <= input.round.opens_on) : [];
  let previous: { round: Round; shares: Map<number | null, Record<Audience, Map<ThemeId, Share>>> } | null = null;
  for (const r of earlier.reverse()) {
    const before = await viewOf(input, r, view);
    if (!before) continue;
    previous = { round: r, shares: await unitShares(input, before, r.id, units, await roundQuestionnaires(input.db, input.cache, r.id)) };
    break;
  }
  return {
    previousRound: previous ? { roundId: previous.round.id, roundName: previous.round.name } : null,
    rows: units.map((unit) => ({
      unitId: unit.unitId,
      name: unit.name,
      cells: THEMES.map((theme) => {
        const respondent = now.get(unit.unitId)!.respondent.get(theme)!;
        const relative = now.get(unit.unitId)!.relative.get(theme)!;
        const before = previous?.shares.get(unit.unitId);
        return {
          theme,
          respondent,
          relative,
          respondentChange: before ? changeOf(respondent, before.respondent.get(theme)!) : null,
          relativeChange: before ? changeOf(relative, before.relative.get(theme)!) : null,
        };
      }),
    })),
  };
}

export async function computeResults(given: ResultsInput): Promise<Results> {
  const input = { figures: summaryFigures, ...given };
  const { db, cache, round, threshold, query, figures } = input;
  if (query.unitId !== undefined && query.answerMode !== undefined) throw new HttpError(400, 'filters-not-combinable');
  const clean = query.withoutFlagged === true;
  const view = await loadDisclosure(db, cache, round, threshold, figures);
  if (!view) throw new HttpError(409, 'results-not-released');
  const questionnaires = await roundQuestionnaires(db, cache, round.id);
  const at = (voice: Voice) => marginOf(round.id, query, voice);
  const questionnaireOf = (voice: Voice) => questionnaires.get(voice === 'relative' ? 'relative' : 'respondent');

  const voices: Voice[] = ['respondent', 'proxy', 'relative'];
  const groups = { proxy: null } as Results['groups'];
  const scores = {} as Record<Voice, Map<ThemeId, Score> | null>;
  const shares = {} as Record<Voice, Map<ThemeId, Share> | null>;
  const counts = {} as Record<Voice, ValueCount[]>;
  for (const voice of voices) {
    const m = at(voice);
    const q = questionnaireOf(voice);
    if (!m) {
      scores[voice] = null;
      shares[voice] = null;
      counts[voice] = [];
      continue;
    }
    groups[voice] = figure(view.disclosed(m.audience, measure.count, m.group), null);
    scores[voice] = await themeFigures(input, view, m);
    counts[voice] = q ? await countsOf(input, view, q, m) : [];
    shares[voice] = themeShares(view, q, m, counts[voice]);
  }
  const themes = THEMES.map((theme) => {
    const respondent = scores.respondent!.get(theme)!;
    const relative = scores.relative!.get(theme)!;
    const difference = respondent.score !== null && relative.score !== null ? respondent.score - relative.score : null;
    const favourable = { respondent: shares.respondent!.get(theme)!, proxy: shares.proxy?.get(theme) ?? null, relative: shares.relative!.get(theme)! };
    return { theme, respondent, relative, difference, proxy: scores.proxy?.get(theme) ?? null, favourable: { ...favourable, verdict: verdictOf(favourable.respondent, favourable.relative) } };
  });

  let flaggedLeftOut: Results['flaggedLeftOut'] = null;
  if (clean) {
    const leftOut = (voice: Voice) => {
      const m = at(voice);
      if (!m) return null;
      const whole = view.disclosed(m.audience, measure.count, m.group.slice(6) as GroupKey);
      const kept = view.disclosed(m.audience, measure.count, m.group);
      return whole.status === 'shown' && kept.status === 'shown' ? whole.n - kept.n : null;
    };
    flaggedLeftOut = { respondent: leftOut('respondent'), proxy: leftOut('proxy'), relative: leftOut('relative') };
  }

  const questionPairs: Results['questionPairs'] = [];
  const respondentQ = questionnaires.get('respondent');
  const relativeQ = questionnaires.get('relative');
  if (respondentQ && relativeQ) {
    const mr = at('respondent')!;
    const ml = at('relative')!;
    // Questions in a `compare: false` section (the relatives' own contact) are not one of the two voices' pairs.
    const apart = new Set([...ownBlockQuestions(respondentQ), ...ownBlockQuestions(relativeQ)]);
    for (const question of respondentQ.questions) {
      const twin = relativeQ.questions.find((x) => x.id === question.id);
      if (!twin || apart.has(question.id)) continue;
      const respondent = questionShare(question, counts.respondent, view.disclosed('respondent', measure.question(question.id), mr.group));
      const relative = questionShare(twin, counts.relative, view.disclosed('relative', measure.question(twin.id), ml.group));
      if (respondent.status === 'empty' && relative.status === 'empty') continue;
      questionPairs.push({ questionId: question.id, theme: question.theme ?? null, text: question.text, relativeText: twin.text, respondent, relative, verdict: verdictOf(respondent, relative) });
    }
  }

  const byAnswerMode: Results['byAnswerMode'] = [];
  if (query.unitId === undefined) {
    for (const mode of ANSWER_MODES) {
      const m = margin(round.id, 'respondent', modeGroup(mode), { answerMode: mode }, clean);
      const modeThemes = await themeFigures(input, view, m);
      byAnswerMode.push({ mode, group: figure(view.disclosed('respondent', measure.count, m.group), null), themes: THEMES.map((theme) => ({ theme, score: modeThemes.get(theme)! })) });
    }
  }

  await nextTurn();
  const units: Results['units'] = [];
  const unitRows: UnitRow[] = (await roundUnits(db, round.id)).map((u) => ({ unitId: u.id, name: u.name }));
  // Relatives may name no unit: they are a margin of their own, shown like a unit (the page names it).
  if (AUDIENCES.some((audience) => view.disclosed(audience, measure.count, unitGroup(NO_UNIT)).n > 0)) unitRows.push({ unitId: null, name: '' });
  if (query.answerMode === undefined) {
    const overall = {
      respondent: await figures.overallByUnit(db, { roundId: round.id, audience: 'respondent', withoutFlagged: clean }),
      relative: await figures.overallByUnit(db, { roundId: round.id, audience: 'relative', withoutFlagged: clean }),
    };
    for (const row of unitRows) {
      const base = unitGroup(row.unitId === null ? NO_UNIT : String(row.unitId));
      const group = clean ? cleanGroup(base) : base;
      const unitScores = {} as Record<Audience, Score>;
      for (const audience of AUDIENCES) {
        const count = view.disclosed(audience, measure.count, group);
        const scored = view.disclosed(audience, measure.scored, group);
        const value = count.status === 'shown' && scored.status === 'shown' ? (overall[audience].get(row.unitId)?.score ?? null) : null;
        unitScores[audience] = figure(count, value);
      }
      units.push({ unitId: row.unitId, name: row.name, respondent: unitScores.respondent, relative: unitScores.relative });
    }
  }
  const matrix = await matrixOf(input, view, unitRows, questionnaires);

  const questions: QuestionResult[] = [];
  const blocks: BlockRow[] = [];
  const trend: Results['trend'] = [];
  const consistencyRows: Results['consistency'] = [];
  for (const voice of voices) {
    const q = questionnaireOf(voice);
    const m = at(voice);
    if (!q || !m) continue;
    // SQLite answers synchronously: a turn for other requests between the parts of a page.
    await nextTurn();
    questions.push(...questionFigures(view, q, m, voice, counts[voice]));
    blocks.push(...blockFigures(view, q, m, voice, counts[voice]));
    if (voice === 'proxy') continue;
    trend.push(...(await trendOf(input, q, view)));
    const sameShown = view.disclosed(m.audience, measure.scored, m.group).status === 'shown';
    const pairShown = view.disclosed(m.audience, measure.pair, m.group).status === 'shown';
    const stats = sameShown || pairShown ? await figures.consistency(db, m.filter, pairsOf(q)) : null;
    consistencyRows.push({
      audience: m.audience,
      group: groups[voice]!,
      sameAnswerShare: stats && sameShown && stats.n > 0 ? (stats.sameAnswer / stats.n) * 100 : null,
      inconsistentPairShare: stats && pairShown && stats.pairAnswered > 0 ? (stats.pairInconsistent / stats.pairAnswered) * 100 : null,
    });
  }

  // Comments are read from the raw rows, which do not carry the flags: the view without flagged responses shows none.
  const relativeMargin = at('relative')!;
  const sectionKeys = clean
    ? []
    : [
        ...(relativeQ?.sections.filter((s) => s.comment).map((s) => ({ key: s.id, title: s.comment!.label })) ?? []),
        ...(relativeQ?.finalComment ? [{ key: FINAL_COMMENT_KEY, title: relativeQ.finalComment.label }] : []),
      ].map((section) => ({ ...section, status: view.disclosed('relative', measure.comment(section.key), relativeMargin.group).status }));
  const comments = sectionKeys.some((s) => s.status === 'shown') ? await commentsOf(db, relativeMargin.filter) : [];
  const sections = sectionKeys.map((section) => ({ ...section, comments: section.status === 'shown' ? comments.filter((c) => c.key === section.key).map((c) => c.body) : [] }));

  const newest = view.releases.at(-1)!;
  const waiting = await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', round.id).where('release_no', '>', newest.number).executeTakeFirstOrThrow();
  // Every response of the release: each audience's count is known (progress, the rounds list); the respondents' is the persons' own and the proxy answers together.
  const everyone = (audience: Audience) => {
    const cells = ['total', modeGroup(PROXY_MODE)] as GroupKey[];
    return audience === 'respondent' ? cells.reduce((sum, g) => sum + view.disclosed(audience, measure.count, g).n, 0) : view.disclosed(audience, measure.count, 'total').n;
  };
  return {
    threshold: Math.max(threshold, newest.threshold),
    comparison: await roundComparison(db, cache, round, query, themes, input.today),
    filters: query,
    release: { number: newest.number, madeOn: newest.madeOn, responses: AUDIENCES.reduce((sum, a) => sum + everyone(a), 0), waiting: Number(waiting.n) > 0 },
    groups,
    flaggedLeftOut,
    themes,
    questionPairs,
    matrix,
    byAnswerMode,
    units,
    questions,
    blocks,
    trend,
    consistency: consistencyRows,
    comments: { suppressed: clean || groups.relative.suppressed, sections },
  };
}
