/**
 * The response endpoint and round configuration against a real SQLite file
 * and a real PostgreSQL database: the same suite, the same server code.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { FUTURE_DATE_GRACE_DAYS } from '../../src/server/ingest/storeResponses.ts';
import type { Db } from '../../src/server/db/database.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { SurveyResponseInput } from '../../src/shared/response.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';

describe.each(DATABASE_KINDS)('responses on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let app: FastifyInstance;
  let tabletCode: string;
  let relativeCode: string;
  let closedCode: string;
  let unitA: number;
  let otherUnit: number;

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    db = await prepareDatabase(testDb.config, fixtureQuestionnaires());
    const municipality = await createMunicipality(db.kysely, 'Testkommune');
    unitA = await createUnit(db.kysely, municipality, 'Enhet A');
    const unitB = await createUnit(db.kysely, municipality, 'Enhet B');
    otherUnit = await createUnit(db.kysely, municipality, 'Ikke med i runden');
    const round = await createRound(db.kysely, {
      municipalityId: municipality,
      name: 'Runde 2026',
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      status: 'open',
      unitIds: [unitA, unitB],
      questionnaireIds: ['eksempel', 'eksempel-parorende'],
    });
    tabletCode = round.tablet_code;
    relativeCode = round.relative_code;
    const closed = await createRound(db.kysely, { ...roundBase(municipality), status: 'closed', unitIds: [unitA] });
    closedCode = closed.tablet_code;
    app = await buildApp({ db, questionnaires: new QuestionnaireCache(db.kysely) });
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await testDb?.drop();
  });

  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

  /** A round that closed ten days ago: within the grace for tablets that were offline (storeResponses.ts). */
  function roundBase(municipalityId: number) {
    return { municipalityId, name: 'Stengt runde', opensOn: daysAgo(60), closesOn: daysAgo(10), questionnaireIds: ['eksempel'] };
  }

  function respondent(overrides: Partial<SurveyResponseInput> = {}): SurveyResponseInput {
    return {
      id: randomUUID(),
      questionnaireId: 'eksempel',
      questionnaireVersion: 1,
      audience: 'respondent',
      language: 'nb',
      roundCode: tabletCode,
      unitId: unitA,
      answeredBy: 'alone',
      answers: {
        'bolig-trives': 'ja',
        'bolig-lei': 'nei',
        'bolig-trygg': 'bade',
        'bolig-bestemme': null,
        'dagtid-har': 'ja',
        'dagtid-liker': 'ja',
        'dagtid-spurt': 'nei',
        'personalet-snill': 'ja',
        'personalet-forteller': 'bade',
        'helhet-fornoyd': 'ja',
      },
      comments: {},
      completion: 'finished',
      completedOn: '2026-11-20',
      ...overrides,
    };
  }

  function relative(overrides: Partial<SurveyResponseInput> = {}): SurveyResponseInput {
    return {
      id: randomUUID(),
      questionnaireId: 'eksempel-parorende',
      questionnaireVersion: 1,
      audience: 'relative',
      language: 'nn',
      roundCode: relativeCode,
      unitId: null,
      answeredBy: null,
      answers: { relasjon: 'forelder', 'bolig-trivsel': '5', 'bolig-trygghet': 'vet-ikke' },
      comments: { bolig: 'Gode tilsette.', final: 'Takk.' },
      completion: 'finished',
      completedOn: '2026-11-21',
      ...overrides,
    };
  }

  async function counts() {
    const count = async (table: 'responses' | 'answers' | 'comments') =>
      Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { responses: await count('responses'), answers: await count('answers'), comments: await count('comments') };
  }

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/responses', payload: body as object, headers });

  it('reports health and the database in use', async () => {
    const res = await app.inject('/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: kind });
  });

  it('sends security headers on every response, and HSTS only over https', async () => {
    for (const res of [await app.inject('/api/v1/health'), await app.inject('/api/v1/rounds/NOPE1234'), await post({})]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(String(res.headers['permissions-policy'])).toContain('geolocation=()');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    // Without TRUST_PROXY a forwarded "https" is not believed, not even from loopback (HSTS behind a
    // trusted proxy: proxy.test.ts).
    const https = await app.inject({ url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '127.0.0.1' });
    expect(https.headers['strict-transport-security']).toBeUndefined();
  });

  it('gives a tablet the round, its units and both questionnaires, however the code is typed', async () => {
    const typed = `${tabletCode.slice(0, 4).toLowerCase()}-${tabletCode.slice(4)}`;
    const res = await app.inject(`/api/v1/rounds/${typed}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.municipality.name).toBe('Testkommune');
    expect(body.round.name).toBe('Runde 2026');
    expect(body.units.map((u: { name: string }) => u.name)).toEqual(['Enhet A', 'Enhet B']);
    expect(body.questionnaires.map((q: { id: string }) => q.id).sort()).toEqual(['eksempel', 'eksempel-parorende']);
  });

  it("gives the relatives' link only the relatives' questionnaire", async () => {
    const res = await app.inject(`/api/v1/rounds/${relativeCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().questionnaires.map((q: { id: string }) => q.id)).toEqual(['eksempel-parorende']);
  });

  it('answers an unknown code with 404 and a message in the asked language', async () => {
    const nb = await app.inject({ url: '/api/v1/rounds/ZZZZ9999', headers: { 'accept-language': 'nb-NO' } });
    expect(nb.statusCode).toBe(404);
    expect(nb.json().error).toMatchObject({ code: 'unknown-round', message: expect.stringContaining('Det finnes ingen undersøkelse') });
    const nn = await app.inject({ url: '/api/v1/rounds/ZZZZ9999', headers: { 'accept-language': 'nn' } });
    expect(nn.json().error.message).toContain('Det finst inga undersøking');
  });

  it('stores a batch and acknowledges every id, one row per answer', async () => {
    const before = await counts();
    const batch = [respondent(), respondent({ language: 'nn', answeredBy: 'with-staff' }), relative()];
    const res = await post({ responses: batch });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ acknowledged: batch.map((r) => r.id) });
    const after = await counts();
    expect(after.responses - before.responses).toBe(3);
    expect(after.answers - before.answers).toBe(10 + 10 + 3);
    expect(after.comments - before.comments).toBe(2);
  });

  it('scores answers at ingest: reversed questions the other way round, factual ones and "vet ikke" without a score', async () => {
    const response = respondent();
    const rel = relative();
    expect((await post({ responses: [response, rel] })).statusCode).toBe(200);
    const rows = await db.kysely
      .selectFrom('answers')
      .select(['question_id', 'value', 'score', 'theme'])
      .where('response_id', 'in', [response.id, rel.id])
      .execute();
    const byQuestion = Object.fromEntries(rows.map((row) => [row.question_id, row]));
    expect(byQuestion['bolig-trives']).toMatchObject({ value: 'ja', score: 100, theme: 'trivsel' });
    expect(byQuestion['bolig-lei']).toMatchObject({ value: 'nei', score: 100, theme: 'trivsel' });
    expect(byQuestion['bolig-trygg']).toMatchObject({ value: 'bade', score: 50 });
    expect(byQuestion['bolig-bestemme']).toMatchObject({ value: null, score: null });
    expect(byQuestion['dagtid-har']).toMatchObject({ value: 'ja', score: null, theme: 'nok-og-riktig-hjelp' });
    expect(byQuestion['bolig-trivsel']).toMatchObject({ value: '5', score: 80 });
    expect(byQuestion['bolig-trygghet']).toMatchObject({ value: 'vet-ikke', score: null });
    expect(byQuestion.relasjon).toMatchObject({ value: 'forelder', score: null, theme: null });
  });

  it('acknowledges an exact resend without storing anything new, whatever the key order', async () => {
    const response = respondent();
    expect((await post({ responses: [response] })).statusCode).toBe(200);
    const before = await counts();
    const reordered = Object.fromEntries(Object.entries(response).reverse());
    const res = await post({ responses: [reordered] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ acknowledged: [response.id] });
    expect(await counts()).toEqual(before);
  });

  it('stores the same response sent by several tablets at once exactly once', async () => {
    const response = respondent();
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 6 }, () => post({ responses: [response] })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const after = await counts();
    expect(after.responses - before.responses).toBe(1);
  });

  it('refuses a different body under a stored id with 409 and stores nothing of the batch', async () => {
    const response = respondent();
    expect((await post({ responses: [response] })).statusCode).toBe(200);
    const before = await counts();
    const fresh = respondent();
    const changed = { ...response, answers: { ...response.answers, 'bolig-trives': 'nei' } };
    const res = await post({ responses: [fresh, changed] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', responseId: response.id });
    expect(await counts()).toEqual(before);
  });

  it('written together with other tablets, a conflicting batch fails alone and the others are stored whole', async () => {
    const stored = respondent();
    expect((await post({ responses: [stored] })).statusCode).toBe(200);
    const before = await counts();
    const good = Array.from({ length: 8 }, () => [respondent(), relative()]);
    const clashing = [respondent(), { ...stored, answers: { ...stored.answers, 'bolig-trives': 'nei' } }];
    // Two batches of the same moment carrying one new id with different bodies: the first to reach the
    // writer wins (each request first counts itself in the database's limits, so on PostgreSQL the
    // order they arrive in need not be the order they were sent in).
    const shared = respondent();
    const sharedOther = { ...shared, answers: { ...shared.answers, 'helhet-fornoyd': 'nei' } };
    const results = await Promise.all([
      ...good.map((batch) => post({ responses: batch })),
      post({ responses: clashing }),
      post({ responses: [shared] }),
      post({ responses: [sharedOther, respondent()] }),
    ]);
    const sharedWon = results[good.length + 1]!.statusCode === 200;
    expect(results.map((r) => r.statusCode)).toEqual([...good.map(() => 200), 409, ...(sharedWon ? [200, 409] : [409, 200])]);
    expect(results[good.length]!.json().error).toMatchObject({ code: 'conflict', responseId: stored.id });
    expect(results[good.length + (sharedWon ? 2 : 1)]!.json().error).toMatchObject({ code: 'conflict', responseId: shared.id });
    const after = await counts();
    // 8 respondents with 9 answers and 8 relatives with 3 answers and 2 comments, plus the shared one
    // (and the other batch's second response when that batch won): nothing of the refused batches.
    expect(after.responses - before.responses).toBe(sharedWon ? 17 : 18);
    expect(after.comments - before.comments).toBe(16);
    const storedShared = await db.kysely.selectFrom('answers').select('value').where('response_id', '=', shared.id).where('question_id', '=', 'helhet-fornoyd').executeTakeFirstOrThrow();
    expect(storedShared.value).toBe(sharedWon ? 'ja' : 'nei');
  });

  const invalid: [string, () => unknown, number, string][] = [
    ['no responses field', () => ({}), 400, 'invalid-payload'],
    ['an empty batch', () => ({ responses: [] }), 400, 'invalid-payload'],
    ['more than 50 responses', () => ({ responses: Array.from({ length: 51 }, () => respondent()) }), 400, 'invalid-payload'],
    ['an unknown field', () => ({ responses: [{ ...respondent(), deviceId: 'tablet-7' }] }), 400, 'invalid-payload'],
    ['an id that is not a UUID', () => ({ responses: [respondent({ id: 'abc' })] }), 400, 'invalid-payload'],
    ['a time of day in the date', () => ({ responses: [respondent({ completedOn: '2026-11-20T14:02:00Z' })] }), 400, 'invalid-payload'],
    ['a wrongly typed answer', () => ({ responses: [{ ...respondent(), answers: { 'bolig-trives': 1 } }] }), 400, 'invalid-payload'],
    ['a comment over 2000 characters', () => ({ responses: [relative({ comments: { final: 'x'.repeat(2001) } })] }), 400, 'invalid-payload'],
    ['the same id twice in a batch', () => { const r = respondent(); return { responses: [r, r] }; }, 400, 'duplicate-in-batch'],
    ['an unknown round code', () => ({ responses: [respondent({ roundCode: 'ZZZZ9999' })] }), 404, 'unknown-round'],
    ['a closed round', () => ({ responses: [respondent({ roundCode: closedCode, completedOn: daysAgo(1) })] }), 409, 'round-not-open'],
    ["a respondent answer sent with the relatives' code", () => ({ responses: [respondent({ roundCode: relativeCode })] }), 403, 'wrong-code-for-audience'],
    ['a questionnaire outside the round', () => ({ responses: [respondent({ questionnaireId: 'trivsel' })] }), 400, 'unknown-questionnaire'],
    ['an unknown questionnaire version', () => ({ responses: [respondent({ questionnaireVersion: 7 })] }), 400, 'unknown-questionnaire'],
    ['a unit outside the round', () => ({ responses: [respondent({ unitId: otherUnit })] }), 400, 'unknown-unit'],
    ['an unknown question', () => ({ responses: [respondent({ answers: { 'finnes-ikke': 'ja' } })] }), 400, 'invalid-answers'],
    ['a value outside the scale', () => ({ responses: [respondent({ answers: { 'bolig-trives': 'kanskje' } })] }), 400, 'invalid-answers'],
    ['an answer to a question hidden by an earlier "nei"', () => ({ responses: [respondent({ answers: { 'dagtid-har': 'nei', 'dagtid-liker': 'ja' } })] }), 400, 'invalid-answers'],
    ['a comment field the questionnaire lacks', () => ({ responses: [respondent({ comments: { bolig: 'hei' } })] }), 400, 'invalid-answers'],
    ['a relative response claiming help from staff', () => ({ responses: [relative({ answeredBy: 'with-staff' })] }), 400, 'invalid-answers'],
    ['a date in the future', () => ({ responses: [respondent({ completedOn: '2099-01-01' })] }), 400, 'date-in-future'],
  ];

  it.each(invalid)('refuses %s with a clear error and changes nothing', async (_name, body, status, code) => {
    const before = await counts();
    const res = await post(body(), { 'accept-language': 'nb' });
    expect(res.statusCode).toBe(status);
    const error = res.json().error;
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await counts()).toEqual(before);
  });

  it('takes a completion date a few days ahead of its own clock (a tablet clock set ahead) and refuses one further ahead, saying what to do', async () => {
    const ahead = (days: number) => {
      const date = new Date();
      date.setUTCDate(date.getUTCDate() + days);
      return date.toISOString().slice(0, 10);
    };
    // A clock one day ahead in Norway, just after midnight, is two days ahead of the server's UTC date.
    const early = respondent({ completedOn: ahead(2) });
    const res = await post({ responses: [early] });
    expect(res.statusCode).toBe(200);
    expect(res.json().acknowledged).toEqual([early.id]);

    const before = await counts();
    const refused = await post({ responses: [respondent({ completedOn: ahead(FUTURE_DATE_GRACE_DAYS + 1) })] }, { 'accept-language': 'nb' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'date-in-future', message: expect.stringContaining('Prøv igjen') });
    expect(await counts()).toEqual(before);
  });

  it('names the bad field in the details of an invalid answer', async () => {
    const res = await post({ responses: [respondent({ answers: { 'bolig-trives': 'kanskje' } })] });
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'answers.bolig-trives', message: expect.stringContaining('kanskje') })]);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const before = await counts();
    const res = await app.inject({ method: 'POST', url: '/api/v1/responses', payload: '{"responses": [', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid-json');
    expect(await counts()).toEqual(before);
  });

  it('takes a late response into a closed round only if it was completed while the round was open', async () => {
    const late = respondent({ roundCode: closedCode, completedOn: daysAgo(20) });
    const res = await post({ responses: [late] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ acknowledged: [late.id] });
  });

  it('refuses an oversized body with 413 and changes nothing', async () => {
    const before = await counts();
    const huge = { responses: [relative({ comments: { final: 'x'.repeat(1024 * 1024 + 10) } })] };
    const res = await post(huge);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('body-too-large');
    expect(await counts()).toEqual(before);
  });
});
