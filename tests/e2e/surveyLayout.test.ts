/**
 * The survey's layout on the screens it meets, measured in Chromium: the
 * relatives' 1–6 grid on phones from 320 to 447 px breaks no word across
 * lines; every tablet page (Eir's pages, each question, the end page) fits
 * 768×1024 and 1024×768 with "Gå til neste" and "Tilbake" in view; and
 * "Større tekst" makes the question, the answers and the buttons larger
 * while a question page still fits without scrolling.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import { useE2e } from '../support/harness.ts';
import { TabletModel } from './pages/TabletModel.ts';

const PORTRAIT = { width: 768, height: 1024 };
const LANDSCAPE = { width: 1024, height: 768 };
const PHONE_WIDTHS = [320, 360, 390, 414, 447];

/**
 * Words of the answer labels that the browser laid out on more than one line:
 * each word's rendered boxes (Range.getClientRects) must share one line.
 */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const label of document.querySelectorAll('.answer-label')) {
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(`"${match[0]}" in "${label.textContent}" on ${tops.size} lines`);
        }
      }
    }
    return broken;
  });
}

/** What does not fit: the page or its content area scrolls, or a navigation button ends below the screen. */
function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const scroll = document.documentElement.scrollHeight;
    if (scroll > innerHeight) problems.push(`page is ${scroll} px tall on a ${innerHeight} px screen`);
    // Nor may the survey's own page area scroll (it could, rather than hide text, if nothing else helps).
    const area = document.querySelector('.survey-page');
    if (area && area.scrollHeight > area.clientHeight + 1) problems.push(`content scrolls ${area.scrollHeight - area.clientHeight} px inside the page`);
    for (const button of document.querySelectorAll('.survey-nav .nav-button')) {
      const box = button.getBoundingClientRect();
      if (box.bottom > innerHeight) problems.push(`"${button.textContent?.trim()}" ends at ${Math.round(box.bottom)} px`);
    }
    return problems;
  });
}

/** Font sizes in CSS px of the question, the first answer and the "Gå til neste" button. */
function textSizes(page: Page): Promise<{ question: number; answer: number; next: number }> {
  return page.evaluate(() => {
    const size = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
    return { question: size('.question-text'), answer: size('.answer-label'), next: size('.nav-next') };
  });
}

describe('survey layout on tablets and phones', () => {
  const { questionnaires } = loadQuestionnaires();
  const e2e = useE2e({ questionnaires });

  it("breaks no word of the relatives' 1–6 answers across lines from 320 to 447 px, in bokmål and nynorsk", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const model = new TabletModel(page);
    const broken: Record<string, string[]> = {};
    for (const language of ['Bokmål', 'Nynorsk'] as const) {
      await page.goto(`${e2e.server.url}p/${e2e.server.demo!.relativeCode}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await model.choose(language);
      await model.press('Start');
      await page.locator('.progress-text').waitFor();
      while (!(await page.locator('.answers-graded').count())) await model.next();
      for (const width of PHONE_WIDTHS) {
        await page.setViewportSize({ width, height: 844 });
        const found = await brokenWords(page);
        if (found.length > 0) broken[`${language} ${width} px`] = found;
        // One option per row is fine; options side by side only when each has room.
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        if (sideways > 0) broken[`${language} ${width} px`] = [...(broken[`${language} ${width} px`] ?? []), `scrolls ${sideways} px sideways`];
      }
      // Leave the draft so the next language starts afresh.
      await page.evaluate(() => indexedDB.databases().then((dbs) => Promise.all(dbs.map((db) => new Promise((done) => {
        const request = indexedDB.deleteDatabase(db.name!);
        request.onsuccess = request.onerror = request.onblocked = done;
      })))));
      await page.setViewportSize({ width: 390, height: 844 });
    }
    expect(broken).toEqual({});
    await context.close();
  });

  it('fits every page of the survey on 768×1024 and 1024×768 at normal text size, "Gå til neste" and "Tilbake" in view', async () => {
    const context = await e2e.browser.newContext({ viewport: PORTRAIT, hasTouch: true });
    const page = await context.newPage();
    const model = new TabletModel(page);
    await page.goto(e2e.server.url);
    await model.setUp(e2e.server.demo!.tabletCode);
    await model.startSurvey({ unit: 'Bofellesskapet Solsikken' });
    const found: Record<string, string[]> = {};
    let pages = 0;
    for (let i = 0; i < 120 && !(await page.getByRole('button', { name: 'Ferdig' }).count()); i++) {
      const { current } = await model.pageNumber();
      for (const viewport of [PORTRAIT, LANDSCAPE]) {
        await page.setViewportSize(viewport);
        const problems = await overflow(page);
        if (problems.length > 0) found[`page ${current}, ${viewport.width}×${viewport.height}`] = problems;
      }
      await page.setViewportSize(PORTRAIT);
      pages++;
      await model.next((await model.isQuestionPage()) ? 'Hopp over' : undefined);
    }
    // Eir's intro pages, every question without a condition (follow-ups stay hidden when their gate is
    // skipped) and the end page were all measured.
    const respondent = questionnaires.find((q) => q.id === 'respondent')!;
    expect(pages).toBeGreaterThan(respondent.intro.length + respondent.questions.filter((q) => q.condition === undefined).length);
    expect(found).toEqual({});
    await context.close();
  });

  it('"Større tekst" enlarges the question, the answers and the buttons, and a question page still fits', async () => {
    const context = await e2e.browser.newContext({ viewport: PORTRAIT, hasTouch: true });
    const page = await context.newPage();
    const model = new TabletModel(page);
    await page.goto(e2e.server.url);
    await model.setUp(e2e.server.demo!.tabletCode);

    async function firstQuestion(largeText: boolean) {
      await model.press('Start ny undersøkelse');
      await model.choose('Bofellesskapet Solsikken');
      // The switch's input sits under its visible label, as with radios.
      if (largeText) await page.getByText('Større tekst', { exact: true }).tap();
      await model.press(/^Start – gi/);
      await page.locator('.progress-text', { hasText: /^Side 1 av \d+$/ }).waitFor();
      while (!(await model.isQuestionPage())) await model.next();
    }

    await firstQuestion(false);
    const normal = await textSizes(page);
    await page.getByRole('button', { name: 'Pause' }).tap();
    await page.getByRole('button', { name: 'Ja, ta pause' }).tap();
    await page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();

    await firstQuestion(true);
    const large = await textSizes(page);
    expect(large.question).toBeGreaterThanOrEqual(normal.question * 1.2);
    expect(large.answer).toBeGreaterThanOrEqual(normal.answer * 1.2);
    expect(large.next).toBeGreaterThanOrEqual(normal.next * 1.2);
    const found: Record<string, string[]> = {};
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      await page.setViewportSize(viewport);
      const problems = await overflow(page);
      if (problems.length > 0) found[`${viewport.width}×${viewport.height}`] = problems;
    }
    expect(found).toEqual({});
    await context.close();
  });
});
