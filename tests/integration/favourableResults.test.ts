/**
 * The common measure, whose voice, and the view without flagged responses,
 * on a real SQLite file and a real PostgreSQL database, through the
 * coordinator API: a round where the 0–100 scores are 30 points apart but
 * the favourable shares are within the noise, one where the difference is
 * certain, answers someone else gave kept apart from the persons' own, and
 * the switch without flagged responses, shown when safe and hidden (with
 * the page told why) when the flagged responses are too few to leave out.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db/database.ts';
import { storeResponses } from '../../src/server/ingest/storeResponses.ts';
import { hashPassword } from '../../src/server/password.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { Results } from '../../src/shared/coordinatorApi.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';

const PASSWORD = 'riktig hest batteri stift';
const ORIGIN = 'http://localhost:80';

type Answers = SurveyResponse['answers'];

describe.each(DATABASE_KINDS)('favourable shares, proxy answers and flagged responses on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let app: FastifyInstance;
  let cache: QuestionnaireCache;
  let municipalities = 0;

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    db = await prepareDatabase(testDb.config, fixtureQuestionnaires());
    cache = new QuestionnaireCache(db.kysely);
    app = await buildApp({ db, questionnaires: cache });
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await testDb?.drop();
  });

  /** A municipality of its own with two units and a closed round holding these responses; returns a results reader. */
  async function round(respondents: { unit: 0 | 1; answeredBy: SurveyResponse['answeredBy']; answers: Answers }[], relatives: { unit: 0 | 1; trivsel: string }[]) {
    const k = db.kysely;
    const name = `Kommune ${kind} ${++municipalities}`;
    const municipality = await createMunicipality(k, name);
    const units = [await createUnit(k, municipality, 'U1'), await createUnit(k, municipality, 'U2')];
    const username = `koordinator-${kind}-${municipalities}`;
    await k.insertInto('coordinators').values({ municipality_id: municipality, username, password_hash: await hashPassword(PASSWORD), is_admin: 1 }).execute();
    const r = await createRound(k, { municipalityId: municipality, name: 'Runde', opensOn: '2026-09-01', closesOn: '2026-12-01', status: 'open', unitIds: units, questionnaireIds: ['eksempel', 'eksempel-parorende'] });
    const responses: SurveyResponse[] = [
      ...respondents.map((x): SurveyResponse => ({
        id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: 'nb', roundCode: r.tablet_code,
        unitId: units[x.unit]!, answeredBy: x.answeredBy, answers: x.answers, comments: {}, completion: 'finished', completedOn: '2026-10-01',
      })),
      ...relatives.map((x): SurveyResponse => ({
        id: randomUUID(), questionnaireId: 'eksempel-parorende', questionnaireVersion: 1, audience: 'relative', language: 'nb', roundCode: r.relative_code,
        unitId: units[x.unit]!, answeredBy: null, answers: { relasjon: 'forelder', 'bolig-trivsel': x.trivsel }, comments: {}, completion: 'finished', completedOn: '2026-10-02',
      })),
    ];
    await storeResponses(k, cache, { responses });
    await k.updateTable('rounds').set({ status: 'closed' }).where('id', '=', r.id).execute();
    const login = await app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username, password: PASSWORD }, headers: { origin: ORIGIN, host: 'localhost:80' }, remoteAddress: `127.2.0.${municipalities}` });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const get = (query = '') => app.inject({ method: 'GET', url: `/api/v1/coordinator/rounds/${r.id}/results${query}`, headers: { cookie } });
    return {
      get,
      async results(query = ''): Promise<Results> {
        const res = await get(query);
        expect(res.statusCode, res.body).toBe(200);
        return res.json();
      },
    };
  }

  const trivsel = (r: Results) => r.themes.find((t) => t.theme === 'trivsel')!;
  const people = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

  it('says "no certain difference" where the 0–100 scores are 30 points apart but the favourable shares are within the noise', async () => {
    // Respondents: 6 "Ja" and 4 "Både ja og nei" → score 80, favourable 6/10. Relatives: five 5s and five 2s → score 50, favourable 5/10.
    const { results } = await round(
      people(10, (i) => ({ unit: (i % 2) as 0 | 1, answeredBy: 'alone', answers: { 'bolig-trives': i < 6 ? 'ja' : 'bade' } })),
      people(10, (i) => ({ unit: (i % 2) as 0 | 1, trivsel: i < 5 ? '5' : '2' })),
    );
    const row = trivsel(await results());
    expect(row.difference).toBeCloseTo(30, 9);
    expect(row.favourable.respondent).toMatchObject({ status: 'shown', share: 0.6, answered: 10 });
    // Wilson 6 of 10 by hand: (0.6 + 0.19207) / 1.38415 ∓ 1.41600 · √(0.024 + 0.0096037) = 0.3127 … 0.8318.
    expect(row.favourable.respondent.low).toBeCloseTo(0.3127, 3);
    expect(row.favourable.respondent.high).toBeCloseTo(0.8318, 3);
    expect(row.favourable.relative).toMatchObject({ status: 'shown', share: 0.5, answered: 10 });
    expect(row.favourable.verdict).toBe('no-certain-difference');
  });

  it('names a difference where it is certain', async () => {
    const { results } = await round(
      people(10, (i) => ({ unit: (i % 2) as 0 | 1, answeredBy: 'with-staff', answers: { 'bolig-trives': 'ja' } })),
      people(10, (i) => ({ unit: (i % 2) as 0 | 1, trivsel: '3' })),
    );
    const r = await results();
    expect(trivsel(r).favourable).toMatchObject({ respondent: { share: 1, high: 1 }, relative: { share: 0, low: 0 }, verdict: 'higher' });
    // The units × themes matrix has both voices per unit (5 each), with their intervals.
    const u1 = r.matrix.rows.find((row) => row.name === 'U1')!.cells.find((c) => c.theme === 'trivsel')!;
    expect(u1.respondent).toMatchObject({ status: 'shown', share: 1, answered: 5 });
    expect(u1.relative).toMatchObject({ status: 'shown', share: 0, answered: 5 });
    expect(r.matrix.previousRound).toBeNull();
  });

  it('keeps answers someone else gave on the person’s behalf apart from the persons’ own, everywhere', async () => {
    const own = people(10, (i) => ({ unit: (i % 2) as 0 | 1, answeredBy: (i % 3 === 0 ? 'with-relative' : 'alone') as SurveyResponse['answeredBy'], answers: { 'bolig-trives': i < 6 ? 'ja' : 'bade' } }));
    const proxy = people(5, (i) => ({ unit: (i % 2) as 0 | 1, answeredBy: 'someone-else' as const, answers: { 'bolig-trives': 'nei' } }));
    const { results } = await round([...own, ...proxy], people(5, () => ({ unit: 0 as const, trivsel: '6' })));
    const r = await results();
    expect(r.groups.respondent).toMatchObject({ status: 'shown', n: 10 });
    expect(r.groups.proxy).toMatchObject({ status: 'shown', n: 5 });
    // The persons' share is theirs alone (6 of 10), the proxy answers' their own (0 of 5).
    expect(trivsel(r).favourable.respondent.share).toBe(0.6);
    expect(trivsel(r).favourable.proxy).toMatchObject({ status: 'shown', share: 0 });
    expect(trivsel(r).respondent.score).toBeCloseTo(80, 9);
    expect(trivsel(r).proxy).toMatchObject({ status: 'shown', score: 0, n: 5 });
    // Per unit the persons' own: 5 in each unit, none of the proxy answers.
    expect(r.units.map((u) => u.respondent.n)).toEqual([5, 5]);
    expect(r.questions.filter((q) => q.questionId === 'bolig-trives').map((q) => [q.voice, q.n])).toEqual([['respondent', 10], ['proxy', 5]]);
    // A unit's page shows no proxy group (it would cross a unit with an answer mode).
    const unit = await results(`?unitId=${r.units[0]!.unitId}`);
    expect(unit.groups.proxy).toBeNull();
    expect(unit.groups.respondent.n).toBe(5);
  });

  it('shows every figure without the flagged responses when enough were flagged, with how many were left out', async () => {
    const plain = people(10, (i) => ({ unit: (i % 2) as 0 | 1, answeredBy: 'alone' as const, answers: { 'bolig-trives': i < 6 ? 'ja' : 'bade', 'bolig-lei': 'nei' } }));
    // Yes-saying: "Ja" to everything, including the reversed twin of bolig-trives (a contradiction) — flagged.
    const yes = people(5, (i) => ({ unit: (i % 2) as 0 | 1, answeredBy: 'alone' as const, answers: { 'bolig-trives': 'ja', 'bolig-lei': 'ja', 'bolig-trygg': 'ja' } }));
    const { results, get } = await round([...plain, ...yes], people(5, () => ({ unit: 0 as const, trivsel: '6' })));
    const whole = await results();
    expect(whole.groups.respondent.n).toBe(15);
    expect(whole.flaggedLeftOut).toBeNull();
    // With them: (6 + 5 "Ja" on bolig-trives + 10 "Nei" on bolig-lei) of 30 answers; without: (6 + 10) of 20.
    expect(trivsel(whole).favourable.respondent.share).toBeCloseTo(21 / 30, 9);
    const clean = await results('?withoutFlagged=true');
    expect(clean.filters.withoutFlagged).toBe(true);
    expect(clean.groups.respondent).toMatchObject({ status: 'shown', n: 10 });
    // No proxy answers: nothing to leave out there, and nothing published about it (the page says "Ingen svar").
    expect(clean.flaggedLeftOut).toEqual({ respondent: 5, proxy: null, relative: 0 });
    expect(trivsel(clean).favourable.respondent.share).toBeCloseTo(16 / 20, 9);
    // Comments are read from raw rows that carry no flags: this view shows none.
    expect(clean.comments).toEqual({ suppressed: true, sections: [] });
    // A bad value is refused with a clear error and changes nothing.
    const bad = await get('?withoutFlagged=kanskje');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid-input');
  });

  it('hides the view without flagged responses where so few were flagged that subtracting it would give them away', async () => {
    const plain = people(10, (i) => ({ unit: (i % 2) as 0 | 1, answeredBy: 'alone' as const, answers: { 'bolig-trives': 'ja', 'bolig-lei': 'nei' } }));
    const yes = people(2, () => ({ unit: 0 as const, answeredBy: 'alone' as const, answers: { 'bolig-trives': 'ja', 'bolig-lei': 'ja', 'bolig-trygg': 'ja' } }));
    const { results } = await round([...plain, ...yes], people(5, () => ({ unit: 0 as const, trivsel: '6' })));
    expect((await results()).groups.respondent).toMatchObject({ status: 'shown', n: 12 });
    const clean = await results('?withoutFlagged=true');
    // 12 with them and 10 without would tell the 2 flagged responses' answers apart.
    expect(clean.groups.respondent.status).toBe('protecting');
    expect(trivsel(clean).favourable.respondent.status).not.toBe('shown');
    expect(clean.flaggedLeftOut!.respondent).toBeNull();
    // Relatives had none flagged: their figures without flagged responses are the same as with them.
    expect(clean.groups.relative).toMatchObject({ status: 'shown', n: 5 });
  });
});
