/**
 * 10,000 generated bad submissions against the real server on SQLite:
 * malformed, oversized, wrongly typed and forged (wrong round code, unknown
 * questionnaire version, answers to hidden questions, values off the scale,
 * a stored id with a different body). Every one gets a 4xx with a clear
 * message, nothing is stored, and the server never answers 5xx.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db/database.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { freshDatabase, type TestDatabase } from '../support/databases.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';

describe('fuzzed submissions', () => {
  let testDb: TestDatabase;
  let db: Db;
  let app: FastifyInstance;
  let code = '';
  let relativeCode = '';
  let unitId = 0;
  let stored: SurveyResponse;

  beforeAll(async () => {
    testDb = await freshDatabase('sqlite');
    db = await prepareDatabase(testDb.config, fixtureQuestionnaires());
    const m = await createMunicipality(db.kysely, 'Fuzz');
    unitId = await createUnit(db.kysely, m, 'Enhet');
    const round = await createRound(db.kysely, { municipalityId: m, name: 'R', opensOn: '2026-01-01', closesOn: '2026-12-31', status: 'open', unitIds: [unitId], questionnaireIds: ['eksempel', 'eksempel-parorende'] });
    code = round.tablet_code;
    relativeCode = round.relative_code;
    app = await buildApp({ db, questionnaires: new QuestionnaireCache(db.kysely), limits: { submissionsPerMinute: 1_000_000, codeMissesPerAddress: 1_000_000 } });
    stored = valid();
    expect((await app.inject({ method: 'POST', url: '/api/v1/responses', payload: { responses: [stored] } })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await testDb?.drop();
  });

  function valid(): SurveyResponse {
    return {
      id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: 'nb', roundCode: code, unitId,
      answeredBy: 'alone', answers: { 'bolig-trives': 'ja', 'dagtid-har': 'ja', 'dagtid-liker': 'bade' }, comments: {}, completion: 'finished', completedOn: '2026-06-01',
    };
  }

  /** Each forgery breaks a valid response in one way the schema or the questionnaire must catch. */
  const forgeries: fc.Arbitrary<(r: SurveyResponse) => unknown>[] = [
    fc.stringMatching(/^[A-Z0-9]{4,16}$/).filter((c) => c !== code).map((c) => (r: SurveyResponse) => ({ ...r, roundCode: c })),
    fc.integer({ min: 2, max: 10_000 }).map((v) => (r: SurveyResponse) => ({ ...r, questionnaireVersion: v })),
    fc.constant((r: SurveyResponse) => ({ ...r, answers: { 'dagtid-har': 'nei', 'dagtid-liker': 'ja' } })),
    fc.string({ minLength: 1, maxLength: 20 }).filter((v) => !['ja', 'bade', 'nei'].includes(v)).map((v) => (r: SurveyResponse) => ({ ...r, answers: { 'bolig-trives': v } })),
    fc.string({ minLength: 1, maxLength: 12 }).map((k) => (r: SurveyResponse) => ({ ...r, [`x${k}`]: 1 })),
    fc.anything().filter((v) => v !== null).map((v) => (r: SurveyResponse) => ({ ...r, unitId: typeof v === 'number' && Number.isInteger(v) && v > 0 ? v + 100_000 : v })),
    fc.anything().filter((v) => typeof v !== 'string').map((v) => (r: SurveyResponse) => ({ ...r, id: v })),
    fc.constantFrom('2026-06-01T10:00:00Z', '01.06.2026', '2099-01-01', '', 'i går').map((d) => (r: SurveyResponse) => ({ ...r, completedOn: d })),
    fc.constant((r: SurveyResponse) => ({ ...r, audience: 'relative' })),
    fc.constant((r: SurveyResponse) => ({ ...r, roundCode: relativeCode })),
    fc.constant((r: SurveyResponse) => ({ ...r, comments: { bolig: 'x'.repeat(2001) } })),
    fc.constant((r: SurveyResponse) => ({ ...r, answeredBy: 'the-tablet' })),
    fc.constant(() => ({ ...stored, answers: { 'bolig-trives': 'nei' } })),
  ];

  const body: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 2, arbitrary: fc.anything() },
    { weight: 1, arbitrary: fc.array(fc.anything(), { maxLength: 5 }).map((responses) => ({ responses })) },
    { weight: 6, arbitrary: fc.oneof(...forgeries).map((forge) => ({ responses: [forge(valid())] })) },
    { weight: 1, arbitrary: fc.oneof(...forgeries).map((forge) => ({ responses: [valid(), forge(valid())] })) },
  );

  async function counts() {
    const n = async (table: 'responses' | 'answers' | 'comments') => Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return [await n('responses'), await n('answers'), await n('comments')];
  }

  it('answers 10,000 bad submissions with a clear 4xx and stores nothing', async () => {
    const before = await counts();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await app.inject({ method: 'POST', url: '/api/v1/responses', payload: JSON.stringify(payload) ?? 'null', headers: { 'content-type': 'application/json', 'accept-language': 'nn' } });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        const error = res.json().error;
        expect(typeof error.code).toBe('string');
        expect(error.message.length).toBeGreaterThan(15);
      }),
      { numRuns: 10_000, seed: 8, endOnFailure: true },
    );
    expect(await counts()).toEqual(before);
    // The generators reach every kind of refusal, not only schema errors.
    expect([...statuses.keys()].sort()).toEqual([400, 403, 404, 409]);
    const health = await app.inject('/api/v1/health');
    expect(health.statusCode).toBe(200);
  }, 180_000);

  it('refuses a body over 1 MiB with 413 and a message', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/responses', payload: `{"responses":[${'1,'.repeat(600_000)}1]}`, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('for stor');
  });
});
