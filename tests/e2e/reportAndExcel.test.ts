/**
 * The demo round with the shipped questionnaires, filled with answers from
 * 24 persons and 16 relatives and closed (in 2025, beside five other
 * municipalities that share in the comparison; the admin opts in on the
 * municipality page): the printed report (page.pdf,
 * read back with pdftotext) starts with the units × themes matrix and has
 * at most three pages before the detail; the workbook, opened by a real
 * spreadsheet program (LibreOffice, headless), shows the overview first
 * with question text and group names, not ids and codes; the CSV files
 * say the same; the results page, the report and the workbook's overview
 * show the comparison with the other municipalities.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeResponses } from '../../src/server/ingest/storeResponses.ts';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { scaleValues } from '../../src/shared/scales.ts';
import { axeViolations } from '../support/axe.ts';
import { seedComparisonPeers } from '../support/comparisonPeers.ts';
import { useE2e } from '../support/harness.ts';

/** Every question a person on this path is shown, answered by `pick` (conditions followed). */
function answersFor(q: Questionnaire, pick: (values: string[], index: number) => string): Record<string, string> {
  const answers: Record<string, string> = {};
  q.questions.forEach((question, index) => {
    if (question.condition && !question.condition.answerIn.includes(answers[question.condition.question] ?? '')) return;
    answers[question.id] = pick(scaleValues(question.scale), index);
  });
  return answers;
}

describe('the demo round: a report that reads in five minutes, and exports a spreadsheet program opens', () => {
  const { questionnaires } = loadQuestionnaires();
  const e2e = useE2e({ questionnaires });
  let page: Page;
  let roundId = 0;
  const work = mkdtempSync(join(tmpdir(), 'mst-report-'));

  beforeAll(async () => {
    const k = e2e.server.db.kysely;
    const round = await k.selectFrom('rounds').selectAll().executeTakeFirstOrThrow();
    roundId = round.id;
    const units = (await k.selectFrom('round_units').select('unit_id').where('round_id', '=', round.id).execute()).map((u) => u.unit_id);
    const respondentQ = questionnaires.find((q) => q.id === 'respondent')!;
    const relativeQ = questionnaires.find((q) => q.id === 'relative')!;
    const base = { language: 'nb', comments: {}, completion: 'finished' as const, completedOn: new Date().toISOString().slice(0, 10) };
    const responses: SurveyResponse[] = [
      ...Array.from({ length: 24 }, (_, i): SurveyResponse => ({
        ...base, id: randomUUID(), questionnaireId: respondentQ.id, questionnaireVersion: respondentQ.version, audience: 'respondent', roundCode: round.tablet_code, unitId: units[i % 2]!,
        answeredBy: i % 6 === 5 ? 'someone-else' : i % 3 === 0 ? 'with-staff' : 'alone',
        answers: answersFor(respondentQ, (values, index) => (values.includes('ja') && (index + i) % 4 !== 0 ? (i % 5 === 0 && values.includes('bade') ? 'bade' : 'ja') : values[(index + i) % values.length]!)),
      })),
      ...Array.from({ length: 16 }, (_, i): SurveyResponse => ({
        ...base, id: randomUUID(), questionnaireId: relativeQ.id, questionnaireVersion: relativeQ.version, audience: 'relative', roundCode: round.relative_code, unitId: units[i % 2]!, answeredBy: null,
        answers: answersFor(relativeQ, (values, index) => (values.includes('6') ? String(1 + ((index + i) % 6)) : values[i % values.length]!)),
      })),
    ];
    await storeResponses(k, new QuestionnaireCache(k), { responses });
    // Closed in 2025, a year whose comparison is due, with five other municipalities that share.
    await k.updateTable('rounds').set({ status: 'closed', opens_on: '2025-09-01', closes_on: '2025-10-31' }).where('id', '=', round.id).execute();
    await seedComparisonPeers(k, { questionnaires: [respondentQ, relativeQ], year: 2025, count: 5, perAudience: 6 });

    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    await page.goto(`${e2e.server.url}koordinator`);
    await page.getByLabel('Brukernavn').fill(e2e.server.demo!.username);
    await page.getByLabel('Passord').fill(e2e.server.demo!.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: 'Undersøkelsesrunder', level: 1 }).waitFor();
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lets the admin opt in to the comparison on the municipality page; the results page then shows it', async () => {
    await page.goto(`${e2e.server.url}koordinator/runder/${roundId}/resultater`);
    await page.getByRole('table', { name: 'Andel positive svar per enhet og tema' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Sammenligning med andre kommuner' }).count()).toBe(0);
    await page.goto(`${e2e.server.url}koordinator/kommune`);
    await page.getByRole('heading', { name: 'Sammenligning med andre kommuner' }).waitFor();
    await expect(page.getByRole('switch', { name: 'Del tall med sammenligningen' }).isChecked()).resolves.toBe(false);
    await page.locator('label.switch', { hasText: 'Del tall med sammenligningen' }).click();
    await page.getByText('Lagret. Kommunen er med i sammenligninger som lages fra nå av.').waitFor();
    await page.goto(`${e2e.server.url}koordinator/runder/${roundId}/resultater`);
    const table = page.getByRole('table', { name: 'Andel positive svar per tema: dere og kommunene som deler (2025)' });
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('Kommunene som deler: median (midtre halvdel)');
    expect(text).toMatch(/\d+\s% \(\d+–\d+\s%\)/);
    expect(text).toContain('6 kommuner');
    // No other municipality is named anywhere on the page.
    expect(await page.locator('main').innerText()).not.toContain('Sammenligningskommune');
    // The relatives' own contact: a share of its own under its title, and named below the two voices.
    const block = page.locator('.question-block', { has: page.getByRole('heading', { level: 4, name: 'Din egen kontakt med tjenesten' }) });
    expect(await block.innerText()).toMatch(/Andel positive svar i denne delen: \d+\s% \(\d+–\d+\) \d+ svar/);
    await page.getByRole('heading', { level: 3, name: 'Rapportert for seg' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('prints a report that starts with the matrix and has at most three pages before the detail, and a page for the comparison', async () => {
    await page.goto(`${e2e.server.url}koordinator/runder/${roundId}/rapport`);
    await page.getByRole('table', { name: 'Andel positive svar per enhet og tema' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(work, 'rapport.pdf');
    writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const pages = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).split('\f');
    const text = pages.join('\n');
    // The summary opens with the matrix, before the counts, the two voices and the trend.
    const at = (words: string) => text.indexOf(words);
    expect(at('Sammendrag')).toBeGreaterThanOrEqual(0);
    expect(at('Enheter og temaer')).toBeGreaterThan(at('Sammendrag'));
    for (const later of ['Antall svar', 'To stemmer: andel positive svar', 'Rapportert for seg', 'Utvikling: andel positive svar', 'Dette sa dere']) expect(at(later)).toBeGreaterThan(at('Enheter og temaer'));
    // The matrix names the units, and no theme column is cut off at the page's edge.
    expect(pages[0]).toContain('Bofellesskapet');
    expect(pages[0]).toContain('Trygghet');
    const detail = pages.findIndex((p) => p.split('\n').some((line) => line.trim() === 'Detaljer'));
    expect(detail, `pages before the detail: ${detail}`).toBeGreaterThan(0);
    // Three pages of summary, and one more for the comparison with other municipalities (this municipality shares).
    expect(detail).toBeLessThanOrEqual(4);
    const comparisonPage = pages.findIndex((p) => p.includes('Sammenligning med andre kommuner'));
    expect(comparisonPage).toBeGreaterThan(0);
    expect(comparisonPage).toBeLessThan(detail);
    expect(pages[comparisonPage]).toContain('Kommunene som deler');
    expect(pages[comparisonPage]).toMatch(/\d+\s%\s\(\d+–\d+\s%\)/);
    expect(pages[comparisonPage]).toContain('Trygghet');
    // The detail follows: every question's distribution.
    expect(pages.slice(detail).join('\n')).toContain('Svar per spørsmål');
  }, 120_000);

  it('leaves the detail out of the print when the coordinator says so', async () => {
    await page.goto(`${e2e.server.url}koordinator/runder/${roundId}/rapport`);
    await page.getByRole('table', { name: 'Andel positive svar per enhet og tema' }).waitFor();
    await page.getByText('Ta med detaljene per spørsmål i utskriften').click();
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(work, 'sammendrag.pdf');
    writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Enheter og temaer');
    expect(text).not.toContain('Svar per spørsmål');
  }, 120_000);

  it('makes a workbook LibreOffice opens with the overview first: group names and figures, no ids or codes; the CSV says the same', async () => {
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const get = (path: string) => fetch(`${e2e.server.url}api/v1/coordinator/rounds/${roundId}/${path}`, { headers: { cookie } });
    const xlsx = await get('export.xlsx');
    expect(xlsx.status).toBe(200);
    const xlsxPath = join(work, 'resultater.xlsx');
    writeFileSync(xlsxPath, Buffer.from(await xlsx.arrayBuffer()));
    const out = join(work, 'csv');
    // A profile of its own, so a LibreOffice someone has open elsewhere is never disturbed. Every sheet, semicolon-separated, UTF-8.
    execFileSync('soffice', [
      `-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, xlsxPath,
    ], { timeout: 120_000, stdio: 'pipe' });
    const files = readdirSync(out).sort();
    const sheet = (name: string) => readFileSync(join(out, files.find((f) => f.endsWith(`-${name}.csv`))!), 'utf8');
    expect(files.some((f) => f.endsWith('-Oversikt.csv'))).toBe(true);
    const overview = sheet('Oversikt').trim().split(/\r?\n/).map((line) => line.split(';'));
    expect(overview[0]!.slice(0, 3)).toEqual(['Enhet', 'Gruppe', 'Selvbestemmelse: andel positive svar (%)']);
    const groups = overview.slice(1).map((row) => `${row[0]} / ${row[1]}`);
    expect(groups).toContain('Hele kommunen / Personene selv');
    expect(groups).toContain('Hele kommunen / Pårørende og verger');
    expect(groups).toContain('Bofellesskapet Solsikken / Personene selv');
    // A figure: a share in per cent, as a number the spreadsheet reads.
    const whole = overview.find((row) => row[0] === 'Hele kommunen' && row[1] === 'Personene selv')!;
    expect(whole.slice(2).some((cell) => /^\d+([.,]\d)?$/.test(cell))).toBe(true);
    // Under the units: the median and quartiles of the municipalities that share, never one of them.
    expect(groups).toContain('Kommunene som deler (2025): median / Personene selv');
    expect(groups).toContain('Kommunene som deler (2025): øvre kvartil / Pårørende og verger');
    expect(sheet('Oversikt')).not.toContain('Sammenligningskommune');
    // The codebook explains the columns and the questions with their text, scale and direction.
    const codebook = sheet('Kodebok');
    expect(codebook).toContain('Liker du å bo der du bor?');
    expect(codebook).toContain('Ja / Både ja og nei / Nei');
    // The persons' own answers: question text and answer labels, never the code "bade".
    const own = sheet('Personene selv');
    expect(own).toContain('Både ja og nei');
    expect(own).not.toMatch(/;bade;/);

    const bytes = Buffer.from(await (await get('export.csv?table=overview')).arrayBuffer());
    // UTF-8 with a byte-order mark, so Excel reads æøå.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv).toContain('Hele kommunen;Personene selv;');
    const relatives = await get('export.csv?table=questions-relative');
    expect(relatives.status).toBe(200);
    // The relatives' answers under their labels: "Vet ikke / ikke aktuelt", not "vet-ikke".
    const relativeCsv = await relatives.text();
    expect(relativeCsv).toContain('Vet ikke / ikke aktuelt');
    expect(relativeCsv).not.toContain(';vet-ikke;');
  }, 180_000);
});
