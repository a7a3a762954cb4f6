/**
 * The summary tables kept at ingest, against a recomputation from the raw
 * rows, on a real SQLite file and a real PostgreSQL database. fast-check
 * draws sequences of what tablets, phones and coordinators do to a round:
 * new batches (respondents and relatives, any unit or none, any answer
 * mode or none, answers, skips and left-out questions, comments), exact
 * resends, resends with new responses added, conflicting resends, bad
 * batches, several batches at once (some sharing responses, one racing
 * another with a different body for the same id; in one process or split
 * over two on the same database), restarts of the server process,
 * closing, releases, and late answers after a release, also arriving
 * while a release is made. After every step the four summary tables must
 * equal the recomputation (tests/support/recomputeSummaries.ts), the
 * stored responses what was acknowledged, and a release once made must
 * never gain or lose a response; steps that must change nothing must
 * leave the summary tables exactly as they were. At the end every
 * released round's results from the summary tables must equal the results
 * recomputed from the raw answers (tests/support/rawFigures.ts), for the
 * whole round, each unit and each answer mode.
 *
 * SUMMARY_RUNS sets the number of runs, SUMMARY_SEED and SUMMARY_PATH
 * replay a failure, SUMMARY_SHRINK=1 shrinks one (slow), SUMMARY_TIMEOUT
 * sets the timeout in ms.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/server/apiErrors.ts';
import type { Db } from '../../src/server/db/database.ts';
import type { Round } from '../../src/server/db/schema.ts';
import { storeResponses } from '../../src/server/ingest/storeResponses.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { computeResults } from '../../src/server/results/computeResults.ts';
import { releaseIfDue } from '../../src/server/results/releases.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import { effectiveThreshold } from '../../src/shared/anonymity.ts';
import { ANSWER_MODES, type ResultsQuery } from '../../src/shared/coordinatorApi.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import type { AnsweredBy, SurveyResponse } from '../../src/shared/response.ts';
import { scaleValues } from '../../src/shared/scales.ts';
import { visibleQuestions } from '../../src/shared/visibility.ts';
import { DATABASE_KINDS, freshDatabase, type DatabaseKind, type TestDatabase } from '../support/databases.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';
import { rawFigures } from '../support/rawFigures.ts';
import { compareSummaries, readSummaries, recomputeSummaries, sortedSummaries } from '../support/recomputeSummaries.ts';

const RUNS: Record<DatabaseKind, number> = { sqlite: Number(process.env.SUMMARY_RUNS ?? 15), postgres: Number(process.env.SUMMARY_RUNS ?? 8) };
/** Generous for a loaded two-core machine; raise it with SUMMARY_TIMEOUT (ms) for long hunts. */
const TIMEOUT = Number(process.env.SUMMARY_TIMEOUT ?? 240_000);
const SEED = process.env.SUMMARY_SEED ? Number(process.env.SUMMARY_SEED) : undefined;
/** Ingest refuses completion dates after tomorrow; rounds close on the last day of the year. */
const TODAY = '2026-12-01';
const CLOSES_ON = '2026-12-31';
const DATES = ['2026-10-15', '2026-11-20', '2026-12-01'] as const;
const QUESTIONNAIRES = fixtureQuestionnaires();
const RESPONDENT_Q = QUESTIONNAIRES.find((q) => q.id === 'eksempel')!;
const RELATIVE_Q = QUESTIONNAIRES.find((q) => q.id === 'eksempel-parorende')!;

// ---------------------------------------------------------------- what is drawn

/** One response as drawn, before it is placed in a run's rounds and units. */
interface Drawn {
  readonly round: number;
  readonly relative: boolean;
  readonly unit: number;
  readonly noUnit: boolean;
  readonly answeredBy: AnsweredBy | null;
  readonly ended: boolean;
  readonly language: 'nb' | 'nn';
  readonly completedOn: string;
  /** undefined leaves the question out, null skips it. */
  readonly respondentAnswers: Readonly<Record<string, string | null | undefined>>;
  readonly relativeAnswers: Readonly<Record<string, string | null | undefined>>;
  /** When set, every answered opinion question gets this option (by index): the "same answer" pattern. */
  readonly uniform: number | null;
  readonly boligComment: boolean;
  readonly finalComment: boolean;
}

function answersArbitrary(q: Questionnaire) {
  return fc.record(
    Object.fromEntries(q.questions.map((question) => [question.id, fc.option(fc.constantFrom<string | null>(...scaleValues(question.scale), null), { nil: undefined, freq: 4 })])),
  );
}

const drawnArbitrary: fc.Arbitrary<Drawn> = fc.record({
  round: fc.nat(1),
  relative: fc.boolean(),
  unit: fc.nat(2),
  noUnit: fc.boolean(),
  answeredBy: fc.constantFrom<AnsweredBy | null>('alone', 'alone', 'with-staff', 'with-relative', 'someone-else', null),
  ended: fc.boolean(),
  language: fc.constantFrom('nb', 'nn'),
  completedOn: fc.constantFrom(...DATES),
  respondentAnswers: answersArbitrary(RESPONDENT_Q),
  relativeAnswers: answersArbitrary(RELATIVE_Q),
  uniform: fc.option(fc.nat(6), { nil: null, freq: 2 }),
  boligComment: fc.boolean(),
  finalComment: fc.boolean(),
});

const items = (minLength: number, maxLength: number) => fc.array(drawnArbitrary, { minLength, maxLength });

/** A respondent in the first unit of the first round who answered alone. */
const PLAIN: Drawn = {
  round: 0, relative: false, unit: 0, noUnit: false, answeredBy: 'alone', ended: false, language: 'nb', completedOn: DATES[0],
  respondentAnswers: { 'bolig-trives': 'ja', 'bolig-lei': 'nei', 'bolig-trygg': 'bade' }, relativeAnswers: {}, uniform: null, boligComment: false, finalComment: false,
};

/** Ways to make one response of a batch unacceptable. */
const FLAWS = ['unknown-unit', 'invalid-value', 'hidden-question', 'unknown-question', 'respondent-comment', 'wrong-code', 'unknown-round', 'future-date'] as const;
type Flaw = (typeof FLAWS)[number];
/** Ways to change the body of a stored response while keeping it valid. */
const CHANGES = ['language', 'date', 'comment', 'answered-by'] as const;
type Change = (typeof CHANGES)[number];

type Op =
  | { kind: 'batch'; items: Drawn[] }
  | { kind: 'resend'; pick: number; extra: Drawn[]; reverse: boolean }
  | { kind: 'conflict'; pick: number; change: Change; extra: Drawn[]; at: number }
  | { kind: 'bad'; flaw: Flaw; base: Drawn; extra: Drawn[]; at: number }
  | {
      kind: 'concurrent';
      parts: { items: Drawn[]; borrow: number[]; resend: number[] }[];
      rival: boolean;
      flawed: { flaw: Flaw | 'conflict'; base: Drawn; pick: number } | null;
      /** 2: the batches go alternately to a second server process on the same database (PostgreSQL only). */
      processes: number;
    }
  | { kind: 'restart' }
  | { kind: 'close'; round: number }
  | { kind: 'release'; round: number }
  | { kind: 'release-during'; round: number; batches: Drawn[][]; processes: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('batch' as const), items: items(1, 8) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('resend' as const), pick: fc.nat(), extra: fc.oneof(fc.constant<Drawn[]>([]), items(1, 3)), reverse: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('conflict' as const), pick: fc.nat(), change: fc.constantFrom(...CHANGES), extra: items(0, 3), at: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('bad' as const), flaw: fc.constantFrom(...FLAWS), base: drawnArbitrary, extra: items(0, 4), at: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('concurrent' as const),
      parts: fc.array(fc.record({ items: items(0, 5), borrow: fc.array(fc.nat(), { maxLength: 3 }), resend: fc.array(fc.nat(), { maxLength: 2 }) }), {
        minLength: 2,
        maxLength: 3,
      }),
      rival: fc.boolean(),
      processes: fc.constantFrom(1, 1, 2),
      flawed: fc.option(fc.record({ flaw: fc.constantFrom<Flaw | 'conflict'>(...FLAWS, 'conflict', 'conflict'), base: drawnArbitrary, pick: fc.nat() }), {
        nil: null,
        freq: 2,
      }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), round: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), round: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release-during' as const), round: fc.nat(1), batches: fc.array(items(1, 4), { minLength: 1, maxLength: 3 }), processes: fc.constantFrom(1, 2) }) },
);

interface Scenario {
  readonly thresholds: readonly [number, number];
  readonly unitCounts: readonly [number, number];
  readonly ops: readonly Op[];
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  thresholds: fc.tuple(fc.constantFrom(3, 3, 5), fc.constantFrom(3, 5)),
  unitCounts: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
  ops: fc.array(opArbitrary, { minLength: 6, maxLength: 16 }),
});

// ---------------------------------------------------------------- building responses

interface RunRound {
  readonly id: number;
  readonly tablet: string;
  readonly relative: string;
  readonly units: readonly number[];
  readonly k: number;
  closed: boolean;
}

function build(d: Drawn, rounds: readonly RunRound[]): SurveyResponse {
  const round = rounds[d.round % rounds.length]!;
  const q = d.relative ? RELATIVE_Q : RESPONDENT_Q;
  const drawnAnswers = d.relative ? d.relativeAnswers : d.respondentAnswers;
  const answers: Record<string, string | null> = {};
  for (const question of q.questions) {
    let value = drawnAnswers[question.id];
    if (value === undefined) continue;
    if (value !== null && d.uniform !== null && question.kind === 'opinion') {
      const options = scaleValues(question.scale);
      value = options[d.uniform % options.length]!;
    }
    answers[question.id] = value;
  }
  // A question hidden by an earlier answer cannot be answered.
  const visible = new Set(visibleQuestions(q, answers).map((question) => question.id));
  for (const id of Object.keys(answers)) if (!visible.has(id)) delete answers[id];
  const comments: Record<string, string> = {};
  if (d.relative && d.boligComment) comments.bolig = 'Fint hus, god hjelp.';
  if (d.relative && d.finalComment) comments.final = 'Takk for at dere spør.';
  const answeredBy = d.relative ? null : d.answeredBy;
  return {
    id: randomUUID(),
    questionnaireId: q.id,
    questionnaireVersion: q.version,
    audience: q.audience,
    language: d.language,
    roundCode: d.relative ? round.relative : round.tablet,
    unitId: d.relative && d.noUnit ? null : round.units[d.unit % round.units.length]!,
    answeredBy,
    answers,
    comments,
    // A finished respondent survey says how it was answered; one ended early may not.
    completion: !d.relative && (answeredBy === null || d.ended) ? 'ended' : 'finished',
    completedOn: d.completedOn,
  };
}

/** A valid response with the same id and another body. */
function changed(response: SurveyResponse, change: Change): SurveyResponse {
  const other = { ...response };
  if (change === 'date') other.completedOn = response.completedOn === DATES[0] ? DATES[1] : DATES[0];
  else if (change === 'comment' && response.audience === 'relative') other.comments = { ...response.comments, final: `${response.comments.final ?? ''} Endret.`.trim() };
  else if (change === 'answered-by' && response.audience === 'respondent') other.answeredBy = response.answeredBy === 'alone' ? 'with-staff' : 'alone';
  else other.language = response.language === 'nb' ? 'nn' : 'nb';
  return other;
}

/** A response the server must refuse, and the error it must refuse it with. */
function flawed(d: Drawn, flaw: Flaw, rounds: readonly RunRound[], otherUnit: number): { response: SurveyResponse; codes: string[] } {
  const base = build(d, rounds);
  const round = rounds[d.round % rounds.length]!;
  switch (flaw) {
    case 'unknown-unit':
      return { response: { ...base, unitId: otherUnit }, codes: ['400 unknown-unit'] };
    case 'invalid-value':
      return { response: { ...base, answers: { ...base.answers, [base.audience === 'relative' ? 'bolig-trivsel' : 'bolig-trives']: 'kanskje' } }, codes: ['400 invalid-answers'] };
    case 'hidden-question': {
      const respondent = build({ ...d, relative: false }, rounds);
      return { response: { ...respondent, answers: { ...respondent.answers, 'dagtid-har': 'nei', 'dagtid-liker': 'ja' } }, codes: ['400 invalid-answers'] };
    }
    case 'unknown-question':
      return { response: { ...base, answers: { ...base.answers, 'finnes-ikke': 'ja' } }, codes: ['400 invalid-answers'] };
    case 'respondent-comment': {
      const respondent = build({ ...d, relative: false }, rounds);
      return { response: { ...respondent, comments: { bolig: 'Hei.' } }, codes: ['400 invalid-answers'] };
    }
    case 'wrong-code': {
      const respondent = build({ ...d, relative: false }, rounds);
      return { response: { ...respondent, roundCode: round.relative }, codes: ['403 wrong-code-for-audience'] };
    }
    case 'unknown-round':
      return { response: { ...base, roundCode: 'UKJENT0000' }, codes: ['404 unknown-round'] };
    case 'future-date':
      // Open: too far ahead. Closed: given after closing, or still too far ahead while ingest's
      // view of the round (src/server/roundDirectory.ts) has not yet seen it close.
      return { response: { ...base, completedOn: '2027-01-15' }, codes: round.closed ? ['409 round-not-open', '400 date-in-future'] : ['400 date-in-future'] };
  }
}

const insertAt = <T>(list: readonly T[], at: number, item: T): T[] => {
  const index = at % (list.length + 1);
  return [...list.slice(0, index), item, ...list.slice(index)];
};

/** How a batch was answered, as "status code". */
function outcomeOf(error: unknown): string {
  return error instanceof HttpError ? `${error.status} ${error.code}` : String(error);
}

// ---------------------------------------------------------------- comparing results

/** Where two values differ: numbers to 1e-9 (relative), everything else exactly. */
function differences(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length > 20) return out;
  if (typeof a === 'number' && typeof b === 'number') {
    if (!(a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))) out.push(`${path}: ${a} ≠ ${b}`);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} items ≠ ${b.length} items`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${path}[${i}]`, out);
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) {
      const x = (a as Record<string, unknown>)[key];
      const y = (b as Record<string, unknown>)[key];
      if (!(key in a) || !(key in b)) {
        if (x !== undefined || y !== undefined) out.push(`${path}.${key}: only on one side`);
        continue;
      }
      differences(x, y, `${path}.${key}`, out);
    }
    return out;
  }
  if (a !== b) out.push(`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  return out;
}

function shownFigures(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + shownFigures(v), 0);
  if (value && typeof value === 'object') {
    const own = (value as { status?: unknown }).status === 'shown' ? 1 : 0;
    return own + Object.values(value).reduce((sum: number, v) => sum + shownFigures(v), 0);
  }
  return 0;
}

// ---------------------------------------------------------------- the property

describe.each(DATABASE_KINDS)('summary tables on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let cache: QuestionnaireCache;

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    db = await prepareDatabase(testDb.config, QUESTIONNAIRES);
    cache = new QuestionnaireCache(db.kysely);
  });

  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  /** A new server process on the same database: ingest keeps state per database handle. */
  async function restart(): Promise<void> {
    await db.close();
    db = await prepareDatabase(testDb.config, QUESTIONNAIRES);
    cache = new QuestionnaireCache(db.kysely);
  }

  /** An open round of a municipality of its own, so no other round enters its results' trend. */
  async function newRound(name: string, k: number, unitCount: number): Promise<RunRound> {
    const municipalityId = await createMunicipality(db.kysely, `Kommune ${kind} ${name}`);
    await db.kysely.updateTable('municipalities').set({ anonymity_threshold: k }).where('id', '=', municipalityId).execute();
    const units: number[] = [];
    for (let u = 0; u < unitCount; u++) units.push(await createUnit(db.kysely, municipalityId, `Bolig ${u + 1}`));
    const round = await createRound(db.kysely, {
      municipalityId, name: `Runde ${name}`, opensOn: '2026-09-01', closesOn: CLOSES_ON, status: 'open', unitIds: units, questionnaireIds: [RESPONDENT_Q.id, RELATIVE_Q.id],
    });
    return { id: round.id, tablet: round.tablet_code, relative: round.relative_code, units, k: effectiveThreshold(k), closed: false };
  }

  /**
   * Another server process behind the same load balancer: its own database handle, ingest state
   * and caches. Only PostgreSQL is served by several processes; SQLite has one.
   */
  async function secondProcess(processes: number): Promise<Db | null> {
    return processes > 1 && kind === 'postgres' ? prepareDatabase(testDb.config, QUESTIONNAIRES) : null;
  }

  const store = (responses: readonly SurveyResponse[]) => storeResponses(db.kysely, cache, { responses: [...responses] }, TODAY);

  async function refused(responses: readonly SurveyResponse[], codes: readonly string[], context: string): Promise<void> {
    const outcome = await store(responses).then(
      () => 'acknowledged',
      (e: unknown) => outcomeOf(e),
    );
    expect(codes, `${context}: answered ${outcome}`).toContain(outcome);
  }

  it('acknowledges an exact resend written in the same group as a conflicting resend of the same response', async () => {
    const round = await newRound('same group', 3, 1);
    const stored = build(PLAIN, [round]);
    await store([stored]);
    // Sent at the same moment, so the group committer (src/server/ingest/groupCommit.ts) writes them in one
    // group, the conflicting one (a single response, checked sooner) first. The other batch resends exactly
    // what is stored, so it must be acknowledged, as it is when it comes first; only the conflicting one fails.
    const outcomes = await Promise.allSettled([store([changed(stored, 'language')]), store([build(PLAIN, [round]), stored])]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? 'acknowledged' : outcomeOf(o.reason)))).toEqual(['409 conflict', 'acknowledged']);
    const { differences: diff } = compareSummaries(await readSummaries(db.kysely, [round.id]), await recomputeSummaries(db.kysely, QUESTIONNAIRES, [round.id]));
    expect(diff).toEqual([]);
  });

  it(
    'keeps the summary tables equal to a recomputation from the raw rows through any sequence of batches, resends, conflicts, concurrency, restarts and releases, and results equal the raw-answer oracle',
    async () => {
      let runNumber = 0;
      const totals = { runs: 0, ops: 0, responses: 0, releases: 0, roundsCompared: 0, resultsCompared: 0, shown: 0, opsByKind: {} as Record<string, number> };

      await fc.assert(
        fc.asyncProperty(scenarioArbitrary, async (scenario) => {
          const run = ++runNumber;
          const rounds: RunRound[] = [];
          for (const [index, k] of scenario.thresholds.entries()) rounds.push(await newRound(`${run}-${index}`, k, scenario.unitCounts[index]!));
          const roundIds = rounds.map((r) => r.id);
          /** Every response the server acknowledged in this run, as it was sent. */
          const stored = new Map<string, SurveyResponse>();
          /** Batches the server acknowledged, for resends. */
          const accepted: SurveyResponse[][] = [];
          const otherUnit = (d: Drawn) => rounds[(d.round + 1) % rounds.length]!.units[0]!;
          const storedList = () => [...stored.values()];
          const acknowledge = (batch: readonly SurveyResponse[]) => {
            for (const response of batch) if (!stored.has(response.id)) stored.set(response.id, response);
            accepted.push([...batch]);
          };

          /** Per release made (round|number), the responses it holds, as first seen: a release, once made, never changes. */
          const releasedIds = new Map<string, string[]>();

          /** Every response counts in a release made or in the round's next one, and no release gains or loses a response. */
          async function checkReleases(step: string): Promise<void> {
            const made = await db.kysely.selectFrom('result_releases').select(['round_id', 'number']).where('round_id', 'in', roundIds).execute();
            const responses = await db.kysely.selectFrom('responses').select(['id', 'round_id', 'release_no']).where('round_id', 'in', roundIds).execute();
            const newest = new Map(roundIds.map((id) => [id, 0]));
            for (const row of made) newest.set(row.round_id, Math.max(newest.get(row.round_id)!, Number(row.number)));
            const misplaced = responses.filter((r) => r.release_no === null || r.release_no < 1 || r.release_no > newest.get(r.round_id)! + 1);
            expect(misplaced, `${step}: responses outside the releases made and the next one`).toEqual([]);
            for (const row of made) {
              const key = `${row.round_id}|${row.number}`;
              const ids = responses.filter((r) => r.round_id === row.round_id && r.release_no! <= Number(row.number)).map((r) => r.id).sort();
              const before = releasedIds.get(key);
              if (!before) releasedIds.set(key, ids);
              else {
                const gained = ids.filter((id) => !before.includes(id));
                const lost = before.filter((id) => !ids.includes(id));
                expect({ gained, lost }, `${step}: release ${row.number} of round ${row.round_id} changed after it was made`).toEqual({ gained: [], lost: [] });
              }
            }
          }

          /** The summary tables against the raw rows: of this run's rounds after each step, of every round in the database at the end. */
          async function check(step: string, everyRound = false): Promise<void> {
            const only = everyRound ? undefined : roundIds;
            const [actual, expected] = [await readSummaries(db.kysely, only), await recomputeSummaries(db.kysely, QUESTIONNAIRES, only)];
            const { differences: diff, zeroRows } = compareSummaries(actual, expected);
            expect(diff, `${step}: summary tables ≠ raw rows (${diff.length} rows)\n${diff.slice(0, 12).join('\n')}`).toEqual([]);
            expect(zeroRows, `${step}: summary rows that count nothing`).toEqual([]);
            const ids = await db.kysely.selectFrom('responses').select('id').where('round_id', 'in', roundIds).execute();
            expect(ids.map((r) => r.id).sort(), `${step}: stored responses ≠ acknowledged responses`).toEqual([...stored.keys()].sort());
            const answerRows = await db.kysely
              .selectFrom('answers')
              .innerJoin('responses', 'responses.id', 'answers.response_id')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('responses.round_id', 'in', roundIds)
              .executeTakeFirstOrThrow();
            expect(Number(answerRows.n), `${step}: answer rows`).toBe(storedList().reduce((sum, r) => sum + Object.keys(r.answers).length, 0));
            await checkReleases(step);
          }

          /** Runs a step that must change nothing, and checks that it did not. */
          async function unchanged(step: string, action: () => Promise<void>): Promise<void> {
            const before = sortedSummaries(await readSummaries(db.kysely, roundIds));
            const count = stored.size;
            await action();
            expect(sortedSummaries(await readSummaries(db.kysely, roundIds)), `${step}: changed the summary tables`).toEqual(before);
            expect(stored.size).toBe(count);
          }

          async function release(round: RunRound, via: Db = db): Promise<void> {
            const row = await via.kysely.selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow();
            await releaseIfDue(via.kysely, row, round.k, TODAY);
          }

          async function close(round: RunRound): Promise<void> {
            await db.kysely.updateTable('rounds').set({ status: 'closed', closes_on: CLOSES_ON }).where('id', '=', round.id).execute();
            round.closed = true;
          }

          for (const [index, op] of scenario.ops.entries()) {
            const step = `run ${run} step ${index} (${op.kind})`;
            totals.opsByKind[op.kind] = (totals.opsByKind[op.kind] ?? 0) + 1;
            switch (op.kind) {
              case 'batch': {
                const batch = op.items.map((d) => build(d, rounds));
                expect(await store(batch), step).toEqual({ acknowledged: batch.map((r) => r.id) });
                acknowledge(batch);
                break;
              }
              case 'resend': {
                if (accepted.length === 0) break;
                const earlier = accepted[op.pick % accepted.length]!;
                const fresh = op.extra.map((d) => build(d, rounds));
                const batch = [...(op.reverse ? [...earlier].reverse() : earlier), ...fresh];
                const send = async () => {
                  expect(await store(batch), step).toEqual({ acknowledged: batch.map((r) => r.id) });
                };
                if (fresh.length === 0) await unchanged(step, send);
                else await send();
                acknowledge(batch);
                break;
              }
              case 'conflict': {
                if (stored.size === 0) break;
                const original = storedList()[op.pick % stored.size]!;
                const batch = insertAt(
                  op.extra.map((d) => build(d, rounds)),
                  op.at,
                  changed(original, op.change),
                );
                await unchanged(step, () => refused(batch, ['409 conflict'], step));
                break;
              }
              case 'bad': {
                const bad = flawed(op.base, op.flaw, rounds, otherUnit(op.base));
                const batch = insertAt(
                  op.extra.map((d) => build(d, rounds)),
                  op.at,
                  bad.response,
                );
                await unchanged(step, () => refused(batch, bad.codes, `${step} ${op.flaw}`));
                break;
              }
              case 'concurrent': {
                const owned = op.parts.map((part) => part.items.map((d) => build(d, rounds)));
                // The rival sends the first new response of the first part with another body, at the same time.
                const target = op.rival ? owned[0]![0] : undefined;
                const pool = owned.flat().filter((r) => r !== target);
                const earlier = storedList();
                const parts = op.parts.map((part, p) => {
                  const batch = [...owned[p]!];
                  const add = (r: SurveyResponse) => batch.some((x) => x.id === r.id) || batch.push(r);
                  for (const b of part.borrow) if (pool.length > 0) add(pool[b % pool.length]!);
                  for (const e of part.resend) if (earlier.length > 0) add(earlier[e % earlier.length]!);
                  return batch;
                });
                interface Sent {
                  batch: SurveyResponse[];
                  role: 'good' | 'first' | 'rival' | 'bad';
                  codes?: string[];
                }
                const sent: Sent[] = parts.filter((b) => b.length > 0).map((batch) => ({ batch, role: target && batch === parts[0] ? 'first' : 'good' }));
                if (target) sent.push({ batch: [changed(target, 'language')], role: 'rival' });
                if (op.flawed) {
                  if (op.flawed.flaw === 'conflict') {
                    if (earlier.length > 0) sent.push({ batch: [build(op.flawed.base, rounds), changed(earlier[op.flawed.pick % earlier.length]!, 'date')], role: 'bad', codes: ['409 conflict'] });
                  } else {
                    const bad = flawed(op.flawed.base, op.flawed.flaw, rounds, otherUnit(op.flawed.base));
                    sent.push({ batch: [build(op.flawed.base, rounds), bad.response], role: 'bad', codes: bad.codes });
                  }
                }
                const second = await secondProcess(op.processes);
                const secondCache = second ? new QuestionnaireCache(second.kysely) : null;
                const outcomes = await Promise.allSettled(
                  sent.map((s, i) => (second && i % 2 === 1 ? storeResponses(second.kysely, secondCache!, { responses: [...s.batch] }, TODAY) : store(s.batch))),
                );
                await second?.close();
                const describe = (o: PromiseSettledResult<unknown>) => (o.status === 'fulfilled' ? 'acknowledged' : outcomeOf(o.reason));
                const story = sent
                  .map((s, i) => `  batch ${i} (${s.role}): ${describe(outcomes[i]!)}; ${s.batch.map((r) => `${r.id.slice(0, 8)}${stored.has(r.id) ? ' (stored)' : ''}`).join(', ')}`)
                  .join('\n');
                for (const [i, s] of sent.entries()) {
                  const outcome = outcomes[i]!;
                  if (s.role === 'good') expect(describe(outcome), `${step}: batch ${i}\n${story}`).toBe('acknowledged');
                  if (s.role === 'bad') expect(s.codes, `${step}: flawed batch ${i}\n${story}`).toContain(describe(outcome));
                  if (outcome.status === 'fulfilled') {
                    expect(outcome.value, step).toEqual({ acknowledged: s.batch.map((r) => r.id) });
                    acknowledge(s.batch);
                  }
                }
                if (target) {
                  // Exactly one of the two bodies is stored; the other batch is refused as a conflict.
                  const first = sent.findIndex((s) => s.role === 'first');
                  const rival = sent.findIndex((s) => s.role === 'rival');
                  const pair = [describe(outcomes[first]!), describe(outcomes[rival]!)].sort();
                  expect(pair, `${step}: the racing bodies\n${story}`).toEqual(['409 conflict', 'acknowledged']);
                }
                break;
              }
              case 'restart': {
                await unchanged(step, restart);
                break;
              }
              case 'close': {
                await close(rounds[op.round]!);
                break;
              }
              case 'release': {
                await release(rounds[op.round]!);
                break;
              }
              case 'release-during': {
                const round = rounds[op.round]!;
                if (!round.closed) await close(round);
                // Late answers from tablets that were offline at closing, arriving while the results are
                // released, by this process or by another one on the same database.
                const batches = op.batches.map((list) => list.map((d) => build({ ...d, round: op.round }, rounds)));
                const second = await secondProcess(op.processes);
                const outcomes = await Promise.allSettled([release(round, second ?? db), ...batches.map((b) => store(b))]);
                await second?.close();
                expect(outcomes[0]!.status === 'rejected' ? String((outcomes[0] as PromiseRejectedResult).reason) : 'made or not due', `${step}: the release`).toBe('made or not due');
                for (const [i, batch] of batches.entries()) {
                  const outcome = outcomes[i + 1]!;
                  expect(outcome.status === 'fulfilled' ? 'acknowledged' : String((outcome as PromiseRejectedResult).reason), `${step}: late batch ${i}`).toBe('acknowledged');
                  acknowledge(batch);
                }
                break;
              }
            }
            await check(step);
            totals.ops++;
          }

          // Every round closes and is released; answers after that wait for the next release.
          for (const round of rounds) {
            if (!round.closed) await close(round);
            await release(round);
          }
          await check(`run ${run} after the final releases`, true);

          for (const round of rounds) {
            const row: Round = await db.kysely.selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow();
            const releases = await db.kysely.selectFrom('result_releases').select('number').where('round_id', '=', round.id).execute();
            if (releases.length === 0) continue;
            totals.releases += releases.length;
            totals.roundsCompared++;
            const plain: ResultsQuery[] = [{}, ...round.units.map((unitId) => ({ unitId })), ...ANSWER_MODES.map((answerMode) => ({ answerMode }))];
            // Without the responses the consistency checks flagged: the whole round, a unit and the proxy answers
            // (the raw oracle works out every flag from the answers, so not every view twice).
            const clean: ResultsQuery[] = ([{}, { unitId: round.units[0]! }, { answerMode: 'someone-else' }] satisfies ResultsQuery[]).map((q) => ({ ...q, withoutFlagged: true }));
            const queries: ResultsQuery[] = [...plain, ...clean];
            for (const query of queries) {
              const input = { db: db.kysely, cache, round: row, threshold: round.k, query };
              const fromSummaries = await computeResults(input);
              const fromRaw = await computeResults({ ...input, figures: rawFigures });
              const diff = differences(fromSummaries, fromRaw);
              expect(diff, `run ${run} round ${round.id} results ${JSON.stringify(query)}: summaries ≠ raw answers\n${diff.join('\n')}`).toEqual([]);
              totals.resultsCompared++;
              totals.shown += shownFigures(fromSummaries);
            }
          }
          totals.runs++;
          totals.responses += stored.size;
        }),
        { numRuns: RUNS[kind], seed: SEED, path: process.env.SUMMARY_PATH, endOnFailure: !process.env.SUMMARY_SHRINK },
      );

      console.info(`summaries on ${kind}: ${JSON.stringify(totals)}`);
      // The runs must have released and shown something for the comparison to mean anything.
      expect(totals.roundsCompared).toBeGreaterThan(0);
      expect(totals.shown).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
