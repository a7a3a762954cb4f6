/**
 * The comparison with other municipalities at national size: 300
 * municipalities that share, each with 2 closed rounds (2024 and 2025) of
 * 300 responses of the real questionnaires (60 % respondents, 2 units).
 * Only the summary tables results read are seeded, summed by the product's
 * own `summarise` and written by its `addSummaries` (as seed.ts does), with
 * each round's first release. One municipality's coordinator then asks for
 * its 2025 round's results (in process, through the app's routes): the
 * first call audits the round's disclosure and makes the 2025 comparison of
 * all 300 (paid once per period and questionnaire); then 20 calls each
 * read the frozen comparison. Yardstick: one plain scan of the summary
 * values table (select count(*), sum(n)), median of 3.
 */
import { buildApp } from '../../src/server/app.ts';
import { storedResponse } from '../../src/server/ingest/preparedResponse.ts';
import { hashPassword } from '../../src/server/password.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import { summarise } from '../../src/server/summaries/contribution.ts';
import { addSummaries } from '../../src/server/summaries/writeSummaries.ts';
import type { Results } from '../../src/shared/coordinatorApi.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { freshDatabase, type DatabaseKind } from '../support/databases.ts';
import { atMost, type Report } from './report.ts';
import { makeResponse, rowsOf } from './responses.ts';
import { median, percentile, seededRandom } from './stats.ts';
import { sql } from 'kysely';

const MUNICIPALITIES = 300;
const YEARS = [2024, 2025];
const PER_ROUND = 300;
const RESPONDENT_SHARE = 0.6;
const REPEATS = 20;
const TARGET_MS = 500;
const PASSWORD = 'bench-password-not-secret';

export async function benchComparison(report: Report, kind: DatabaseKind, questionnaires: readonly Questionnaire[]): Promise<void> {
  const section = 'comparison';
  const label = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const respondent = questionnaires.find((q) => q.id === 'respondent')!;
  const relative = questionnaires.find((q) => q.id === 'relative')!;
  const test = await freshDatabase(kind);
  const db = await prepareDatabase(test.config, questionnaires);
  try {
    const k = db.kysely;
    const random = seededRandom(19);
    const t = performance.now();
    let viewerRound = 0;
    let summaryRows = 0;
    for (let m = 0; m < MUNICIPALITIES; m++) {
      const municipalityId = await createMunicipality(k, `Kommune ${String(m + 1).padStart(3, '0')}`);
      await k.updateTable('municipalities').set({ shares_comparison: 1 }).where('id', '=', municipalityId).execute();
      const units = [await createUnit(k, municipalityId, 'Bolig 1'), await createUnit(k, municipalityId, 'Bolig 2')];
      if (m === 0) await k.insertInto('coordinators').values({ municipality_id: municipalityId, username: 'bench', password_hash: await hashPassword(PASSWORD), is_admin: 1 }).execute();
      for (const year of YEARS) {
        const round = await createRound(k, { municipalityId, name: `Brukerundersøkelse ${year}`, opensOn: `${year}-03-01`, closesOn: `${year}-04-30`, status: 'closed', unitIds: units, questionnaireIds: [respondent.id, relative.id] });
        if (m === 0 && year === 2025) viewerRound = round.id;
        const stored = Array.from({ length: PER_ROUND }, () => {
          const q = random() < RESPONDENT_SHARE ? respondent : relative;
          const response = makeResponse(q, random, { roundCode: 'SEED', unitId: units[Math.floor(random() * units.length)]!, completedOn: `${year}-03-15` });
          return storedResponse(rowsOf(q, response, round.id, { hash: false }), 1);
        });
        const rows = summarise(stored);
        summaryRows += rows.cells.length + rows.themes.length + rows.values.length + rows.comments.length;
        await k.transaction().execute(async (trx) => {
          await addSummaries(trx, rows);
          await trx.insertInto('result_releases').values({ round_id: round.id, number: 1, threshold: 5, made_on: `${year}-05-01` }).execute();
        });
      }
    }
    if (kind === 'postgres') await sql`analyze`.execute(k);
    report.add(section, `${label} seeded: ${MUNICIPALITIES} municipalities × ${YEARS.length} rounds × ${PER_ROUND} responses, summary rows`, summaryRows, 'rows');
    report.add(section, `${label} seeding time (summaries only, through the product's summarise)`, (performance.now() - t) / 1000, 's');

    const scans: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      await sql`select count(*), sum(n) from summary_values`.execute(k);
      scans.push(performance.now() - s);
    }
    const scan = report.yardstick(section, `${label} one plain scan of the summary values table (select count(*), sum(n)), median of 3`, 'values scan', median(scans), 'ms');

    const app = await buildApp({ db, questionnaires: new QuestionnaireCache(k) });
    try {
      const headers = { origin: 'http://localhost:80', host: 'localhost:80' };
      const login = await app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username: 'bench', password: PASSWORD }, headers });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const call = async () => {
        const s = performance.now();
        const res = await app.inject({ method: 'GET', url: `/api/v1/coordinator/rounds/${viewerRound}/results`, headers: { ...headers, cookie } });
        const ms = performance.now() - s;
        if (res.statusCode !== 200) throw new Error(`results: ${res.statusCode} ${res.body}`);
        return { ms, results: res.json() as Results };
      };
      const first = await call();
      const members = first.results.comparison?.voices.flatMap((v) => v.themes.map((row) => row.distribution?.municipalities ?? 0)) ?? [];
      if (first.results.comparison?.state !== 'ready' || Math.max(0, ...members) < MUNICIPALITIES - 1) {
        throw new Error(`The comparison did not count the ${MUNICIPALITIES} municipalities: ${JSON.stringify(first.results.comparison)}`);
      }
      report.add(section, `${label} results page, first call (audits the round, makes the 2025 comparison of ${MUNICIPALITIES} municipalities for both questionnaires)`, first.ms, 'ms', { yardstick: scan });
      report.add(section, `${label} municipalities in the comparison, fewest / most over themes and voices`, `${Math.min(...members)} / ${Math.max(...members)}`, '');
      const times: number[] = [];
      for (let i = 0; i < REPEATS; i++) times.push((await call()).ms);
      const target = atMost(TARGET_MS, `${TARGET_MS} ms`);
      report.add(section, `${label} results page with the comparison: median of ${REPEATS}`, median(times), 'ms', { yardstick: scan, target });
      report.add(section, `${label} results page with the comparison: p95 of ${REPEATS}`, percentile(times, 95), 'ms', { yardstick: scan, target });
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    await test.drop();
  }
}
