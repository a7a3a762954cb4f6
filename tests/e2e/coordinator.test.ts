/**
 * The coordinator's whole round in Chromium: sign in, set up units and a
 * round, respondents answer on a tablet and relatives on phones in other
 * browser contexts while live progress says how far each unit has come
 * without exact counts; closing the round makes its results, which show
 * figures for one unit, "For få svar" for a small one and "Skjult for å
 * verne en liten gruppe" for the one hidden to protect it; CSV and XLSX
 * downloads parse, and the printed report has the round name and the same
 * words.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TabletModel } from './pages/TabletModel.ts';
import { useE2e } from '../support/harness.ts';

const ROUND = 'E2E-runde høsten 2026';
const UNITS = ['Enhet A', 'Enhet B', 'Enhet C'];

describe('a coordinator runs a round from start to report', () => {
  const e2e = useE2e();
  let coordinator: BrowserContext;
  let page: Page;
  let tabletCode = '';
  let relativeLink = '';
  const downloads = mkdtempSync(join(tmpdir(), 'mst-downloads-'));

  beforeAll(async () => {
    coordinator = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await coordinator.newPage();
  });

  const go = async (link: string | RegExp) => {
    await page.getByRole('link', { name: link }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
  };

  it('signs in, lowers the threshold to three, adds units and creates and opens a round', async () => {
    await page.goto(`${e2e.server.url}koordinator`);
    await page.getByLabel('Brukernavn').fill(e2e.server.demo!.username);
    await page.getByLabel('Passord').fill('feil passord her');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Feil brukernavn eller passord.').waitFor();
    await page.getByLabel('Passord').fill(e2e.server.demo!.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: 'Undersøkelsesrunder', level: 1 }).waitFor();

    await go('Kommunens innstillinger');
    await page.getByLabel(/Terskel for anonymitet/).fill('2');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText(/minst 3/).first().waitFor();
    await page.getByLabel(/Terskel for anonymitet/).fill('3');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Lagret. Terskelen er nå 3.').waitFor();

    await go('Enheter');
    for (const unit of UNITS) {
      await page.getByLabel('Navn på enheten').fill(unit);
      await page.getByRole('button', { name: 'Legg til enheten' }).click();
      await page.getByText(`${unit} er lagt til.`).waitFor();
    }

    await go('Undersøkelsesrunder');
    await page.getByRole('link', { name: 'Opprett ny runde' }).click();
    await page.getByRole('button', { name: 'Opprett runden' }).click();
    await page.getByText('Skriv et navn på runden.').waitFor();
    await page.getByLabel('Navn på runden').fill(ROUND);
    await page.getByLabel('Åpner').fill('2026-11-01');
    await page.getByLabel('Stenger').fill('2026-12-31');
    // react-aria hides the native checkbox; a person clicks its label.
    for (const label of await page.getByRole('group', { name: 'Spørreskjemaer' }).locator('label').all()) await label.click();
    for (const unit of UNITS) await page.getByRole('group', { name: 'Enheter som er med' }).locator('label', { hasText: unit }).click();
    await page.getByRole('button', { name: 'Opprett runden' }).click();
    await page.getByRole('heading', { name: ROUND, level: 1 }).or(page.getByRole('heading', { name: new RegExp(ROUND), level: 1 })).waitFor();
    await page.getByRole('button', { name: 'Åpne runden' }).click();
    await page.getByText('Runden er åpen.', { exact: false }).first().waitFor();
    tabletCode = (await page.locator('.code').first().textContent()) ?? '';
    relativeLink = (await page.locator('a.code-link').first().textContent()) ?? '';
    expect(tabletCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(relativeLink).toMatch(/\/p\/[A-Z0-9]{12}$/);
  });

  it('collects answers from a tablet and from phones, and shows them live', async () => {
    const tablet = await e2e.browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    const model = new TabletModel(await tablet.newPage());
    await model.page.goto(e2e.server.url);
    await model.setUp(tabletCode);
    // Enhet A: 5, Enhet B: 1, Enhet C: 4 respondents. With threshold 3, B is hidden and,
    // because the total is shown, so is the next smallest, C: only A shows figures.
    const plan = [...Array(5).fill('Enhet A'), 'Enhet B', ...Array(4).fill('Enhet C')] as string[];
    for (const [i, unit] of plan.entries()) {
      await model.startSurvey({ unit });
      while (!(await model.isQuestionPage())) await model.next();
      await model.choose(i % 2 ? 'Ja' : 'Både ja og nei');
      await model.next();
      for (let step = 0; step < 40 && (await model.isQuestionPage()); step++) await model.next('Hopp over');
      await model.next();
      await model.choose('Personen svarte alene');
      await model.press('Ferdig');
      await model.page.getByText('Takk! Svarene er lagret.').waitFor();
    }
    await model.page.getByText('Alt er sendt').waitFor();
    await tablet.close();

    for (let i = 0; i < 3; i++) {
      const phone = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      const relative = new TabletModel(await phone.newPage());
      await relative.page.goto(relativeLink);
      await relative.choose('Enhet A');
      await relative.press('Start');
      while (!(await relative.isQuestionPage())) await relative.next();
      await relative.choose('Forelder');
      await relative.next();
      await relative.choose(String(3 + i));
      for (let step = 0; step < 40 && !(await relative.page.getByRole('button', { name: /Send svarene/ }).count()); step++) await relative.next();
      await relative.press(/Send svarene/);
      await relative.page.getByText('Svarene dine er sendt. Takk!').waitFor();
      await phone.close();
    }

    // Progress says "3 or more" / "under 3", never how many: the respondents' total waits for Enhet B.
    const progressRow = (unit: string) => page.getByRole('row', { name: new RegExp(unit) });
    await progressRow('Enhet A').getByText('3 eller flere').nth(1).waitFor({ timeout: 25_000 });
    await progressRow('Enhet B').getByText('Under 3').waitFor({ timeout: 25_000 });
    await page.getByText('3 svar').first().waitFor();
  });

  it('has no results while the round is open, and makes them when it closes', async () => {
    await go('Se resultatene');
    await page.getByText(/Resultatene blir klare når runden er/).first().waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'Lukk runden' }).click();
    await page.getByRole('button', { name: 'Ja, lukk runden' }).click();
    await page.getByText('Runden er lukket.', { exact: false }).first().waitFor();
  });

  it('shows figures for one unit, "For få svar" for a small one and why the third is hidden', async () => {
    await go('Se resultatene');
    const units = page.getByRole('table', { name: /enhet/i }).last();
    await units.waitFor();
    const row = (unit: string) => units.getByRole('row', { name: new RegExp(unit) });
    expect(await row('Enhet A').getByText(/For få svar|Skjult/).count()).toBe(0);
    expect(await row('Enhet B').getByText('For få svar').count()).toBeGreaterThan(0);
    expect(await row('Enhet C').getByText('Skjult for å verne en liten gruppe').count()).toBeGreaterThan(0);
    await page.getByText(/Resultater laget .* av 13 svar/).waitFor();
  });

  it('downloads CSV and XLSX files that parse, with the same figures and no single responses', async () => {
    await page.goBack();
    await page.getByRole('link', { name: /Excel-fil/ }).waitFor();
    expect(await page.getByRole('link', { name: /anonyme svar/ }).count()).toBe(0);
    const save = async (name: RegExp | string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      const path = join(downloads, download.suggestedFilename());
      await download.saveAs(path);
      return path;
    };
    const csv = readFileSync(await save('CSV-fil: svar per spørsmål, personene selv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).trim().split('\r\n').map((line) => line.split(';'));
    expect(rows[0]!.slice(0, 2)).toEqual(['Spørsmål', 'Tema']);
    // Every respondent was asked the first question: 10 of them, each answer counted, under its label.
    const first = rows.filter((r) => r[0] === 'Liker du å bo der du bor?');
    expect(first.map((r) => [r[2], r[4]])).toEqual([['10', 'Ja'], ['10', 'Både ja og nei'], ['10', 'Nei']]);
    // The relatives' table has its link too.
    expect(readFileSync(await save('CSV-fil: svar per spørsmål, pårørende og verger'), 'utf8').startsWith('\uFEFFSpørsmål;')).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await save(/Excel-fil/));
    expect(workbook.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Oversikt', 'Kodebok']);
  });

  it('prints the report to PDF with the round name and the suppression text', async () => {
    await go('Rapport for utskrift');
    // The report's own heading and its figures, not the round page's heading still on screen while the link is followed.
    await page.getByRole('heading', { name: new RegExp(`^Rapport: ${ROUND}`), level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Sammendrag' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(downloads, 'rapport.pdf');
    writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(ROUND);
    expect(text).toContain('For få svar');
  });
});
