/**
 * 200 tablets syncing at once against a real server listening on loopback
 * (SQLite and PostgreSQL): every batch acknowledged, every response stored
 * exactly once, including the half that each tablet sends twice.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { buildApp } from '../../src/server/app.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { Db } from '../../src/server/db/database.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';
import type { FastifyInstance } from 'fastify';

const TABLETS = 200;
const PER_TABLET = 5;

describe.each(DATABASE_KINDS)('200 tablets at once on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let app: FastifyInstance;
  let url = '';
  let code = '';
  let unitId = 0;

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    db = await prepareDatabase(testDb.config, fixtureQuestionnaires());
    const m = await createMunicipality(db.kysely, 'Last');
    unitId = await createUnit(db.kysely, m, 'Enhet');
    code = (await createRound(db.kysely, { municipalityId: m, name: 'R', opensOn: '2026-01-01', closesOn: '2026-12-31', status: 'open', unitIds: [unitId], questionnaireIds: ['eksempel'] })).tablet_code;
    app = await buildApp({ db, questionnaires: new QuestionnaireCache(db.kysely) });
    url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/responses`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await testDb?.drop();
  });

  function response(i: number): SurveyResponse {
    const pick = (n: number) => ['ja', 'bade', 'nei'][n % 3]!;
    return {
      id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: i % 2 ? 'nb' : 'nn', roundCode: code, unitId,
      answeredBy: 'alone', completion: 'finished', completedOn: '2026-06-01', comments: {},
      answers: { 'bolig-trives': pick(i), 'bolig-lei': pick(i + 1), 'bolig-trygg': pick(i + 2), 'bolig-bestemme': null, 'dagtid-har': 'ja', 'dagtid-liker': pick(i), 'dagtid-spurt': pick(i + 1), 'personalet-snill': pick(i), 'personalet-forteller': pick(i + 2), 'helhet-fornoyd': pick(i) },
    };
  }

  it('acknowledges every batch and stores each response exactly once', async () => {
    const batches = Array.from({ length: TABLETS }, (_, t) => Array.from({ length: PER_TABLET }, (_, i) => response(t * PER_TABLET + i)));
    const send = async (batch: SurveyResponse[]) => {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ responses: batch }), signal: AbortSignal.timeout(60_000) });
      return { status: res.status, body: (await res.json()) as { acknowledged?: string[] } };
    };
    // Every tablet sends its batch; half of them send it again at once, as after a lost acknowledgement.
    const results = await Promise.all(batches.flatMap((batch, t) => (t % 2 ? [send(batch), send(batch)] : [send(batch)])));
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    expect(results.every((r) => r.body.acknowledged?.length === PER_TABLET)).toBe(true);
    const responses = Number((await db.kysely.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const answers = Number((await db.kysely.selectFrom('answers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(responses).toBe(TABLETS * PER_TABLET);
    expect(answers).toBe(TABLETS * PER_TABLET * 10);
  }, 120_000);
});
