/**
 * A database that already holds responses when the summary tables arrive
 * (migration 006): filling them from the raw rows, page by page, gives
 * exactly what ingest would have kept, released and waiting cells alike.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/database.ts';
import { storeResponses } from '../../src/server/ingest/storeResponses.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { releaseIfDue } from '../../src/server/results/releases.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import { fillSummaries } from '../../src/server/summaries/fillSummaries.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';
import { compareSummaries, readSummaries, recomputeSummaries, sortedSummaries } from '../support/recomputeSummaries.ts';

const TIMEOUT = 120_000;
const VALUES = ['ja', 'bade', 'nei', null] as const;

describe.each(DATABASE_KINDS)('filling the summary tables from stored responses on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    db = await prepareDatabase(testDb.config, fixtureQuestionnaires());
  }, TIMEOUT);

  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  it(
    'gives what ingest kept, over more than one page of responses, released and waiting',
    async () => {
      const k = db.kysely;
      const cache = new QuestionnaireCache(k);
      const municipality = await createMunicipality(k, 'Fyllkommune');
      const units = [await createUnit(k, municipality, 'Enhet 1'), await createUnit(k, municipality, 'Enhet 2')];
      const round = await createRound(k, {
        municipalityId: municipality,
        name: 'Runde',
        opensOn: '2026-01-01',
        closesOn: '2026-06-01',
        status: 'open',
        unitIds: units,
        questionnaireIds: ['eksempel', 'eksempel-parorende'],
      });
      const respondent = (i: number): SurveyResponse => ({
        id: randomUUID(),
        questionnaireId: 'eksempel',
        questionnaireVersion: 1,
        audience: 'respondent',
        language: 'nb',
        roundCode: round.tablet_code,
        unitId: units[i % 2]!,
        answeredBy: (['alone', 'with-staff', 'someone-else', null] as const)[i % 4]!,
        answers: { 'bolig-trives': VALUES[i % 4]!, 'bolig-lei': VALUES[(i + 1) % 4]!, 'bolig-trygg': VALUES[i % 3]!, 'helhet-fornoyd': 'ja' },
        comments: {},
        completion: i % 4 === 3 ? 'ended' : 'finished',
        completedOn: '2026-03-01',
      });
      const relative = (i: number): SurveyResponse => ({
        id: randomUUID(),
        questionnaireId: 'eksempel-parorende',
        questionnaireVersion: 1,
        audience: 'relative',
        language: 'nn',
        roundCode: round.relative_code,
        unitId: i % 3 === 0 ? null : units[i % 2]!,
        answeredBy: null,
        answers: { relasjon: 'forelder', 'bolig-trivsel': String(1 + (i % 6)), 'bolig-trygghet': i % 5 === 0 ? 'vet-ikke' : '5' },
        comments: i % 2 === 0 ? { bolig: 'Bra.', final: 'Takk.' } : {},
        completion: 'finished',
        completedOn: '2026-03-02',
      });
      // More than one page of the fill (500 responses a page).
      for (let batch = 0; batch < 14; batch++) {
        await storeResponses(k, cache, { responses: Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? relative(batch * 50 + i) : respondent(batch * 50 + i))) });
      }
      await k.updateTable('rounds').set({ status: 'closed' }).where('id', '=', round.id).execute();
      await releaseIfDue(k, { ...round, status: 'closed' }, 5);
      // Late answers, waiting for the next release.
      await storeResponses(k, cache, { responses: Array.from({ length: 7 }, (_, i) => respondent(900 + i)) });

      const kept = sortedSummaries(await readSummaries(k));
      expect(kept.cells.reduce((sum, c) => sum + Number(c.responses), 0)).toBe(707);
      for (const table of ['summary_cells', 'summary_themes', 'summary_values', 'summary_comments'] as const) await k.deleteFrom(table).execute();
      expect((await readSummaries(k)).values).toEqual([]);

      await fillSummaries(k);

      const filled = sortedSummaries(await readSummaries(k));
      expect(compareSummaries(filled, kept).differences).toEqual([]);
      expect(compareSummaries(filled, await recomputeSummaries(k, fixtureQuestionnaires())).differences).toEqual([]);
      expect(filled.cells.map((c) => Number(c.release_no)).sort()).toContain(2);
    },
    TIMEOUT,
  );
});
