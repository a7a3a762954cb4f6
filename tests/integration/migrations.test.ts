/**
 * Migrations that move data, run on a database that already holds some:
 * 006 fills the summary tables and names the release each waiting response
 * waits for; 007 rebuilds answers without their key; 008 keeps every
 * coordinator able to sign in, neither disabled nor made to change their
 * password. Nothing is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrations.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';
import { compareSummaries, readSummaries, recomputeSummaries } from '../support/recomputeSummaries.ts';
import { registerQuestionnaires } from '../../src/server/questionnaireVersions.ts';
import { createRound, createUnit } from '../../src/server/roundAdmin.ts';

const TIMEOUT = 120_000;

describe.each(DATABASE_KINDS)('migrations on a database with responses on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    db = openDatabase(testDb.config);
  }, TIMEOUT);

  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  it(
    'keeps every answer, fills the summaries and names the release each response counts in',
    async () => {
      const k = db.kysely;
      await migrateToLatest(k as never, db.dialect, '005-sealing-keys');
      await registerQuestionnaires(k, fixtureQuestionnaires());
      // As a server before migration 011 made them: no username suffix yet.
      const { id: municipality } = await k.insertInto('municipalities').values({ name: 'Gammel kommune', anonymity_threshold: 5 } as never).returning('id').executeTakeFirstOrThrow();
      await k.insertInto('coordinators').values({ municipality_id: municipality, username: 'gammel', password_hash: 'scrypt$x', is_admin: 1 } as never).execute();
      const unit = await createUnit(k, municipality, 'Enhet');
      const round = await createRound(k, { municipalityId: municipality, name: 'Runde', opensOn: '2026-01-01', closesOn: '2026-02-01', status: 'closed', unitIds: [unit], questionnaireIds: [] });
      // Before migration 010 a round named only the questionnaire, not its version.
      await k.insertInto('round_questionnaires').values({ round_id: round.id, questionnaire_id: 'eksempel' } as never).execute();
      // As a server before migration 006 stored them: five responses in release 1, two waiting (release_no null).
      await k.insertInto('result_releases').values({ round_id: round.id, number: 1, threshold: 5, made_on: '2026-02-02' }).execute();
      for (let i = 0; i < 7; i++) {
        const id = `00000000-0000-4000-8000-00000000000${i}`;
        await k
          .insertInto('responses')
          .values({ id, round_id: round.id, unit_id: unit, questionnaire_id: 'eksempel', questionnaire_version: 1, audience: 'respondent', language: 'nb', answered_by: i % 2 ? 'alone' : null, completion: 'finished', completed_on: '2026-01-10', body_hash: `h${i}`, ...(i < 5 ? { release_no: 1 } : {}) } as never)
          .execute();
        await k
          .insertInto('answers')
          .values([
            { response_id: id, question_id: 'bolig-trives', theme: 'bolig', value: i % 3 === 0 ? 'nei' : 'ja', score: i % 3 === 0 ? 0 : 100 },
            { response_id: id, question_id: 'bolig-lei', theme: 'bolig', value: 'nei', score: 100 },
            { response_id: id, question_id: 'bolig-trygg', theme: 'bolig', value: null, score: null },
          ])
          .execute();
      }

      await migrateToLatest(k as never, db.dialect);

      expect(Number((await k.selectFrom('answers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(21);
      const releases = await k.selectFrom('responses').select('release_no').orderBy('id').execute();
      expect(releases.map((r) => r.release_no)).toEqual([1, 1, 1, 1, 1, 2, 2]);
      const summaries = await readSummaries(k);
      expect(summaries.cells.reduce((sum, c) => sum + Number(c.responses), 0)).toBe(7);
      expect(compareSummaries(summaries, await recomputeSummaries(k, fixtureQuestionnaires())).differences).toEqual([]);
      // The round keeps asking the version its answers came from.
      expect(await k.selectFrom('round_questionnaires').select(['questionnaire_id', 'questionnaire_version']).execute()).toEqual([{ questionnaire_id: 'eksempel', questionnaire_version: 1 }]);
      // Accounts survive migration 011 (on SQLite a rebuilt table): not operators, still in their municipality.
      expect(await k.selectFrom('coordinators').select(['username', 'password_hash', 'disabled', 'must_change_password', 'is_operator', 'municipality_id']).execute()).toEqual([
        { username: 'gammel', password_hash: 'scrypt$x', disabled: 0, must_change_password: 0, is_operator: 0, municipality_id: municipality },
      ]);
      // Migration 011: the municipality gets its username suffix and does not share until its admin says so.
      expect(await k.selectFrom('municipalities').select(['username_suffix', 'shares_comparison']).execute()).toEqual([{ username_suffix: 'gammel-kommune', shares_comparison: 0 }]);
    },
    TIMEOUT,
  );
});
