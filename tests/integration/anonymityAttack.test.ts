/**
 * An attacker in the test suite: a curious coordinator of the municipality
 * watches a small round fill up one response at a time, reads every
 * results page under every filter the API accepts, every export and the
 * live progress after each arrival, and then tries to recover a single
 * response or any group of fewer than k responses by linear algebra over
 * all of it (see tests/support/attacker). Generated rounds have several
 * units, every answer mode including "not recorded" (surveys ended early),
 * groups of 0 to a dozen, relatives with and without a unit, comments, and
 * answers that arrive after the round closed. Runs on the real server code
 * against SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db/database.ts';
import { hashPassword } from '../../src/server/password.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { CoordinatorView, type Mode, type Person } from '../support/attacker/coordinatorView.ts';
import { Ledger } from '../support/attacker/ledger.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';

const PASSWORD = 'riktig hest batteri stift';
const HEADERS = { origin: 'http://localhost:80', host: 'localhost:80' };
const RUNS: Record<string, number> = { sqlite: Number(process.env.ATTACK_RUNS ?? 12), postgres: Number(process.env.ATTACK_RUNS ?? 6) };

const answer = fc.option(fc.constantFrom<string | null>('ja', 'bade', 'nei', null), { nil: undefined });
const graded = fc.option(fc.constantFrom<string | null>('1', '2', '3', '4', '5', '6', null), { nil: undefined });
const personArbitrary = fc.record({
  relative: fc.boolean(),
  unit: fc.nat(3),
  noUnit: fc.boolean(),
  answeredBy: fc.constantFrom<SurveyResponse['answeredBy']>('alone', 'alone', 'with-staff', 'with-relative', 'someone-else', null),
  language: fc.constantFrom('nb', 'nn'),
  month: fc.constantFrom('2026-10-15', '2026-11-15'),
  trives: answer,
  lei: answer,
  trygg: answer,
  bestemme: answer,
  dagtid: fc.constantFrom<'ja' | 'nei' | undefined>('ja', 'nei', undefined),
  liker: answer,
  trivsel: graded,
  trygghet: graded,
  boligComment: fc.boolean(),
  finalComment: fc.boolean(),
});
type Generated = fc.Arbitrary<typeof personArbitrary extends fc.Arbitrary<infer T> ? T : never>;
type Drawn = Generated extends fc.Arbitrary<infer T> ? T : never;

const scenarioArbitrary = fc.record({
  unitCount: fc.integer({ min: 2, max: 3 }),
  k: fc.constantFrom(5, 5, 3),
  people: fc.array(personArbitrary, { minLength: 1, maxLength: 14 }),
  closeAt: fc.nat(14),
});

const MODE_OF: Record<string, Mode> = { alone: 'alone', 'with-staff': 'with-help', 'with-relative': 'with-help', 'someone-else': 'someone-else' };

function build(drawn: Drawn, index: number, units: readonly number[], codes: { tablet: string; relative: string }): { response: SurveyResponse; person: Person } {
  const unitId = drawn.relative && drawn.noUnit ? null : units[drawn.unit % units.length]!;
  const answers: Record<string, string | null> = {};
  const comments: Record<string, string> = {};
  if (drawn.relative) {
    answers.relasjon = 'forelder';
    if (drawn.trivsel !== undefined) answers['bolig-trivsel'] = drawn.trivsel;
    if (drawn.trygghet !== undefined) answers['bolig-trygghet'] = drawn.trygghet;
    if (drawn.boligComment) comments.bolig = `Om boligen, svar ${index}.`;
    if (drawn.finalComment) comments.final = `Til slutt, svar ${index}.`;
  } else {
    const set = (id: string, value: string | null | undefined) => value !== undefined && (answers[id] = value);
    set('bolig-trives', drawn.trives);
    set('bolig-lei', drawn.lei);
    set('bolig-trygg', drawn.trygg);
    set('bolig-bestemme', drawn.bestemme);
    set('dagtid-har', drawn.dagtid);
    if (drawn.dagtid === 'ja') set('dagtid-liker', drawn.liker);
  }
  const ended = !drawn.relative && drawn.answeredBy === null;
  const response: SurveyResponse = {
    id: randomUUID(),
    questionnaireId: drawn.relative ? 'eksempel-parorende' : 'eksempel',
    questionnaireVersion: 1,
    audience: drawn.relative ? 'relative' : 'respondent',
    language: drawn.language as SurveyResponse['language'],
    roundCode: drawn.relative ? codes.relative : codes.tablet,
    unitId,
    answeredBy: drawn.relative ? null : drawn.answeredBy,
    answers,
    comments,
    completion: ended ? 'ended' : 'finished',
    completedOn: drawn.month,
  };
  const themeOf: Record<string, string> = {
    'bolig-trives': 'trivsel', 'bolig-lei': 'trivsel', 'bolig-trygg': 'trygghet', 'bolig-bestemme': 'selvbestemmelse', 'dagtid-liker': 'trivsel',
    'bolig-trivsel': 'trivsel', 'bolig-trygghet': 'trygghet',
  };
  const scored = Object.entries(answers).filter(([id, value]) => value !== null && themeOf[id]);
  const person: Person = {
    audience: response.audience,
    unitId,
    mode: drawn.relative ? null : drawn.answeredBy === null ? 'not-recorded' : MODE_OF[drawn.answeredBy]!,
    shown: new Set(Object.keys(answers)),
    scoredThemes: new Set(scored.map(([id]) => themeOf[id]!)),
    hasScored: scored.length > 0,
    pairAnswered: answers['bolig-trives'] != null && answers['bolig-lei'] != null,
    commentKeys: new Set(Object.keys(comments)),
  };
  return { response, person };
}

describe.each(DATABASE_KINDS)('a curious coordinator on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let app: FastifyInstance;
  let municipalityId = 0;
  let cookie = '';

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    db = await prepareDatabase(testDb.config, fixtureQuestionnaires());
    municipalityId = await createMunicipality(db.kysely, 'Nysgjerrig kommune');
    await db.kysely.insertInto('coordinators').values({ municipality_id: municipalityId, username: 'nysgjerrig', password_hash: await hashPassword(PASSWORD), is_admin: 1 }).execute();
    app = await buildApp({ db, questionnaires: new QuestionnaireCache(db.kysely) });
    const login = await app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username: 'nysgjerrig', password: PASSWORD }, headers: HEADERS });
    cookie = String(login.headers['set-cookie']).split(';')[0]!;
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await testDb?.drop();
  });

  it('cannot recover any single response or any group below the threshold from everything the coordinator sees, at any moment', async () => {
    let roundNumber = 0;
    let figuresSeen = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        roundNumber++;
        await db.kysely.updateTable('municipalities').set({ anonymity_threshold: scenario.k }).where('id', '=', municipalityId).execute();
        const units: number[] = [];
        for (let u = 0; u < scenario.unitCount; u++) units.push(await createUnit(db.kysely, municipalityId, `Bolig ${roundNumber}-${u + 1}`));
        const round = await createRound(db.kysely, {
          municipalityId, name: `Runde ${roundNumber}`, opensOn: '2026-09-01', closesOn: '2026-12-31', status: 'open', unitIds: units, questionnaireIds: ['eksempel', 'eksempel-parorende'],
        });
        const ledger = new Ledger(scenario.k);
        const view = new CoordinatorView(app, cookie, round.id, units, ['eksempel', 'eksempel-parorende'], ledger);
        const people: Person[] = [];
        const closeAt = Math.min(scenario.closeAt, scenario.people.length);
        const close = async () => {
          const res = await app.inject({ method: 'PATCH', url: `/api/v1/coordinator/rounds/${round.id}`, payload: { status: 'closed' }, headers: { ...HEADERS, cookie } });
          expect(res.statusCode).toBe(200);
        };
        for (const [index, drawn] of scenario.people.entries()) {
          if (index === closeAt) await close();
          const { response, person } = build(drawn, index, units, { tablet: round.tablet_code, relative: round.relative_code });
          const stored = await app.inject({ method: 'POST', url: '/api/v1/responses', payload: { responses: [response] } });
          expect(stored.statusCode, stored.body).toBe(200);
          people.push(person);
          await view.observe(people, people.length, `after arrival #${index}${index >= closeAt ? ' (round closed)' : ''}`);
        }
        if (closeAt >= scenario.people.length) {
          await close();
          await view.observe(people, people.length, 'after closing');
        }
        figuresSeen += ledger.publishedAnswerFigures();
        const leaks = ledger.leaks(people.length);
        expect(leaks.length, `k=${scenario.k}, ${people.length} responses, ${leaks.length} leaks:\n${leaks.slice(0, 8).join("\n")}`).toBe(0);
      }),
      { numRuns: RUNS[kind], endOnFailure: true, seed: process.env.ATTACK_SEED ? Number(process.env.ATTACK_SEED) : undefined },
    );
    // The rounds must have published something for the attack to mean anything.
    expect(figuresSeen).toBeGreaterThan(0);
  }, 600_000);
});
