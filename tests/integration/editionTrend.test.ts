/**
 * A new edition of a questionnaire, on a real SQLite file and a real
 * PostgreSQL database, through the coordinator API: a round made while only
 * the first edition was known keeps asking it, a round made after the
 * second edition arrived asks that, and the later round's results show a
 * trend across the two: for the themes, and for each question the mapping
 * between the editions links (a renamed question followed under its new
 * id, a new question without an earlier figure). The relatives' own contact
 * with the services (a `compare: false` section) is reported apart and
 * stays out of the theme figures.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db/database.ts';
import { storeResponses } from '../../src/server/ingest/storeResponses.ts';
import { hashPassword } from '../../src/server/password.ts';
import { QuestionnaireCache, registerQuestionnaires } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { Results } from '../../src/shared/coordinatorApi.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { fixtureEditions } from '../support/fixtures.ts';
import { compareSummaries, readSummaries, recomputeSummaries } from '../support/recomputeSummaries.ts';

const PASSWORD = 'riktig hest batteri stift';
const ORIGIN = 'http://localhost:80';
const editions = fixtureEditions(join(import.meta.dirname, '../fixtures/editions'));
const edition = (id: string, version: number) => editions.all.find((q) => q.id === id && q.version === version)!;
const people = <T,>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe.each(DATABASE_KINDS)('trend across questionnaire editions on %s', { timeout: 60_000 }, (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let app: FastifyInstance;
  let results: Results;
  let trendCsv: string;
  let blocksCsv: string;
  let first: { roundId: number; code: string };
  let second: { roundId: number; code: string; relativeCode: string };

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    // The deployment knows only the first edition when the first round is made.
    db = await prepareDatabase(testDb.config, [edition('utgave', 1)]);
    const k = db.kysely;
    const cache = new QuestionnaireCache(k, editions.mappings);
    app = await buildApp({ db, questionnaires: cache });
    const municipality = await createMunicipality(k, `Kommune ${kind}`);
    const unit = await createUnit(k, municipality, 'Tunet');
    await k.insertInto('coordinators').values({ municipality_id: municipality, username: 'koordinator', password_hash: await hashPassword(PASSWORD), is_admin: 1 }).execute();
    const roundA = await createRound(k, { municipalityId: municipality, name: 'Våren', opensOn: '2026-03-01', closesOn: '2026-04-01', status: 'open', unitIds: [unit], questionnaireIds: ['utgave'] });
    first = { roundId: roundA.id, code: roundA.tablet_code };

    // Then the update with the second edition (and the relatives' survey) is installed.
    expect(await registerQuestionnaires(k, [edition('utgave', 2), edition('utgave-parorende', 1)])).toEqual([]);
    const roundB = await createRound(k, { municipalityId: municipality, name: 'Høsten', opensOn: '2026-09-01', closesOn: '2026-10-01', status: 'open', unitIds: [unit], questionnaireIds: ['utgave', 'utgave-parorende'] });
    second = { roundId: roundB.id, code: roundB.tablet_code, relativeCode: roundB.relative_code };

    const respondent = (code: string, version: number, answers: SurveyResponse['answers']): SurveyResponse => ({
      id: randomUUID(), questionnaireId: 'utgave', questionnaireVersion: version, audience: 'respondent', language: 'nb', roundCode: code,
      unitId: unit, answeredBy: 'alone', answers, comments: {}, completion: 'finished', completedOn: version === 1 ? '2026-03-10' : '2026-09-10',
    });
    // Spring (first edition): 4 of 10 like living there ("Ja" to bolig-trives, "Nei" to the reversed bolig-lei).
    const spring = people(10, (i) => respondent(first.code, 1, { 'bolig-trives': i < 4 ? 'ja' : 'nei', 'bolig-lei': i < 4 ? 'nei' : 'ja', 'bolig-trygg': 'ja' }));
    // Autumn (second edition): bolig-trives is now bolig-trivsel; 9 of 10 say "Ja"; bolig-nokkel is new.
    const autumn = people(10, (i) => respondent(second.code, 2, { 'bolig-trivsel': i < 9 ? 'ja' : 'nei', 'bolig-lei': i < 9 ? 'nei' : 'ja', 'bolig-trygg-hjemme': 'ja', 'bolig-nokkel': 'ja' }));
    // Relatives: the person's information is good (6), their own information as relatives poor (1).
    const relatives = people(10, (): SurveyResponse => ({
      id: randomUUID(), questionnaireId: 'utgave-parorende', questionnaireVersion: 1, audience: 'relative', language: 'nb', roundCode: second.relativeCode,
      unitId: unit, answeredBy: null, answers: { relasjon: 'forelder', 'bolig-informasjon': '6', 'parorende-informasjon': '1' }, comments: {}, completion: 'finished', completedOn: '2026-09-10',
    }));
    await storeResponses(k, cache, { responses: [...spring, ...autumn, ...relatives] });
    await k.updateTable('rounds').set({ status: 'closed' }).execute();

    const login = await app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username: 'koordinator', password: PASSWORD }, headers: { origin: ORIGIN, host: 'localhost:80' } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    // The spring round is released on its own first, as a municipality would have seen it.
    expect((await app.inject({ method: 'GET', url: `/api/v1/coordinator/rounds/${first.roundId}/results`, headers: { cookie } })).statusCode).toBe(200);
    const res = await app.inject({ method: 'GET', url: `/api/v1/coordinator/rounds/${second.roundId}/results`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    results = res.json();
    trendCsv = (await app.inject({ method: 'GET', url: `/api/v1/coordinator/rounds/${second.roundId}/export.csv?table=trend`, headers: { cookie } })).body;
    blocksCsv = (await app.inject({ method: 'GET', url: `/api/v1/coordinator/rounds/${second.roundId}/export.csv?table=blocks`, headers: { cookie } })).body;
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await testDb?.drop();
  });

  it('keeps the first round on the first edition and serves the second round the second', async () => {
    const config = async (code: string) => (await app.inject({ method: 'GET', url: `/api/v1/rounds/${code}` })).json() as { questionnaires: { id: string; version: number }[] };
    expect((await config(first.code)).questionnaires.map((q) => `${q.id}@${q.version}`)).toEqual(['utgave@1']);
    expect((await config(second.code)).questionnaires.map((q) => `${q.id}@${q.version}`)).toEqual(['utgave@2', 'utgave-parorende@1']);
  });

  it('shows the theme trend across the editions', () => {
    const trend = results.trend.filter((entry) => entry.audience === 'respondent');
    expect(trend.map((entry) => entry.roundName)).toEqual(['Våren', 'Høsten']);
    const trivsel = trend.map((entry) => entry.themes.find((row) => row.theme === 'trivsel')!);
    // Spring: bolig-trives 4 of 10 and the reversed bolig-lei 4 of 10 favourable; autumn 9 and 9 of 10.
    expect(trivsel.map((row) => row.favourable.share)).toEqual([0.4, 0.9]);
    expect(trivsel.map((row) => row.score.score)).toEqual([40, 90]);
  });

  it('follows a renamed question through the mapping, and gives a new question no earlier figure', () => {
    const [spring, autumn] = results.trend.filter((entry) => entry.audience === 'respondent');
    const trivsel = (entry: typeof spring) => entry!.questions.find((q) => q.questionId === 'bolig-trivsel');
    expect(trivsel(spring)).toMatchObject({ askedAs: 'bolig-trives', favourable: { status: 'shown', share: 0.4, answered: 10 } });
    expect(trivsel(autumn)).toMatchObject({ askedAs: 'bolig-trivsel', favourable: { status: 'shown', share: 0.9, answered: 10 } });
    expect(spring!.questions.find((q) => q.questionId === 'bolig-trygg-hjemme')).toMatchObject({ askedAs: 'bolig-trygg', favourable: { share: 1 } });
    expect(spring!.questions.some((q) => q.questionId === 'bolig-nokkel')).toBe(false);
    expect(autumn!.questions.find((q) => q.questionId === 'bolig-nokkel')).toMatchObject({ favourable: { status: 'shown', share: 1 } });
    // The exported trend has the same rows: the spring one under the id the first edition used.
    const rows = trendCsv.split('\r\n').filter((line) => line.includes('Våren') && line.includes('bolig-trives'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('(spurt som «bolig-trives»);40;');
  });

  it('reports the relatives’ own contact apart, outside the theme figures', async () => {
    const informasjon = results.themes.find((row) => row.theme === 'informasjon')!;
    // Only the statement about the person (6 → 100) counts; the relatives' own information (1 → 0) does not.
    expect(informasjon.relative).toMatchObject({ status: 'shown', score: 100 });
    expect(informasjon.favourable.relative).toMatchObject({ status: 'shown', share: 1 });
    const own = results.questions.find((q) => q.questionId === 'parorende-informasjon')!;
    expect(own).toMatchObject({ status: 'shown', block: { nb: 'Din kontakt med tjenestene' } });
    expect(own.options.find((o) => o.value === '1')?.count).toBe(10);
    expect(results.questions.find((q) => q.questionId === 'bolig-informasjon')?.block).toBeNull();
    // The block has a share of its own (no 1 is favourable: 0 of 10), on the page and in its export.
    expect(results.blocks).toMatchObject([
      { voice: 'relative', questionnaireId: 'utgave-parorende', sectionId: 'parorende', title: { nb: 'Din kontakt med tjenestene' }, favourable: { status: 'shown', share: 0, answered: 10, people: 10 } },
    ]);
    expect(blocksCsv.split('\r\n')[1]).toMatch(/^Pårørende og verger;Din kontakt med tjenestene;0;0;27,8;10$/);
    // The relatives' overall score per unit leaves it out too: every counted answer was a 6.
    expect(results.units[0]?.relative).toMatchObject({ status: 'shown', score: 100 });
    // The summary tables kept at ingest equal a recomputation from the raw answers, the block kept apart in both.
    expect(compareSummaries(await readSummaries(db.kysely), await recomputeSummaries(db.kysely, editions.all)).differences).toEqual([]);
  });
});
