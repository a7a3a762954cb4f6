/**
 * Every page type a respondent, helper or relative sees, in bokmål and
 * nynorsk, checked with axe-core (WCAG 2.2 A/AA) in Chromium; every
 * control on respondent pages is at least 64×64 CSS px; and no reversed or
 * factual question shows a face on its answers.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import { favourableOf } from '../../src/shared/favourableAnswer.ts';
import { axeViolations } from '../support/axe.ts';
import { TabletModel } from './pages/TabletModel.ts';
import { useE2e } from '../support/harness.ts';

const LANGUAGES = [
  { code: 'nb', name: 'Bokmål', helperTitle: 'Hjelperens side', answeredBy: /Hvordan ble svarene gitt/, alone: 'Personen svarte alene' },
  { code: 'nn', name: 'Nynorsk', helperTitle: 'Hjelparen si side', answeredBy: /Korleis vart svara gitt/, alone: 'Personen svarte åleine' },
] as const;

describe('accessibility of every page type', () => {
  const { questionnaires } = loadQuestionnaires();
  const e2e = useE2e({ questionnaires });
  /** Each respondent question's favourable answer, by id. */
  const favourable = new Map(questionnaires.filter((q) => q.audience === 'respondent').flatMap((q) => q.questions.map((question) => [question.id, favourableOf(question)] as const)));

  async function check(page: Page, name: string, found: Record<string, string[]>) {
    await page.waitForTimeout(50);
    const violations = await axeViolations(page);
    if (violations.length > 0) found[name] = violations;
  }

  /** Controls on respondent pages: buttons, radios and the progress-bar-free controls. */
  async function smallTargets(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const targets = [...document.querySelectorAll('.survey button, .survey label.answer, .survey [role="radio"]')];
      return targets
        .map((el) => {
          const box = (el.closest('label') ?? el).getBoundingClientRect();
          return { name: (el.textContent ?? '').trim() || el.getAttribute('aria-label') || el.tagName, w: box.width, h: box.height };
        })
        .filter((t) => t.w > 0 && (t.w < 64 || t.h < 64))
        .map((t) => `${t.name}: ${Math.round(t.w)}×${Math.round(t.h)}`);
    });
  }

  it.each(LANGUAGES)('has no WCAG 2.2 A/AA violations on tablet pages in $code, and big enough targets', async (lang) => {
    const context = await e2e.browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    const page = await context.newPage();
    const model = new TabletModel(page);
    const found: Record<string, string[]> = {};
    const small: string[] = [];
    await page.goto(e2e.server.url);
    // The set-up page in this language, then back to bokmål for the steps below.
    await model.choose(lang.name);
    await page.getByRole('heading', { name: lang.code === 'nb' ? 'Gjør klar nettbrettet' : 'Gjer klar nettbrettet' }).waitFor();
    await check(page, 'setup', found);
    await model.choose('Bokmål');
    await page.getByRole('textbox', { name: 'Kode for nettbrettet' }).fill('FEIL');
    await page.getByRole('button', { name: 'Hent undersøkelsen' }).tap();
    await page.getByText('Det finnes ingen undersøkelse').waitFor();
    await check(page, 'setup with error', found);
    await model.setUp(e2e.server.demo!.tabletCode);
    await model.press('Start ny undersøkelse');
    await model.choose(lang.name);
    await page.getByRole('heading', { name: lang.helperTitle }).waitFor();
    await check(page, 'helper with new-survey form', found);
    await model.choose('Bofellesskapet Solsikken');
    await model.press(/^Start – gi/);
    await page.locator('.progress-text').waitFor();
    await check(page, 'intro', found);
    small.push(...(await smallTargets(page)));
    while (!(await model.isQuestionPage())) await model.next();
    await check(page, 'question', found);
    small.push(...(await smallTargets(page)));
    await model.choose('Ja');
    await check(page, 'question with a chosen answer', found);
    await page.getByRole('button', { name: 'Pause' }).tap();
    await page.getByRole('alertdialog').waitFor();
    await check(page, 'pause dialog', found);
    await page.getByRole('alertdialog').getByRole('button', { name: /^Nei/ }).tap();
    // Skipping a chosen answer asks first.
    await model.press('Hopp over');
    await page.getByRole('alertdialog').waitFor();
    await check(page, 'skip dialog', found);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, fjern svaret' }).tap();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    // Skip through the questions to Eir's end page, then on to the helper page. On the way: no face on a
    // reversed or factual question (neutral marks there), and the first reversed one checked like the rest.
    const symbolsSeen: Record<string, string[]> = {};
    for (let i = 0; i < 120 && (await model.isQuestionPage()); i++) {
      const { id, symbols } = await page.evaluate(() => ({
        id: document.querySelector('.question-page h1')?.id.slice(2) ?? '',
        symbols: [...document.querySelectorAll('.question-page svg.answer-icon')].map((icon) => icon.getAttribute('data-symbol') ?? ''),
      }));
      const direction = favourable.get(id);
      if (direction && direction !== 'yes') {
        if (direction === 'no' && ![...Object.keys(symbolsSeen)].some((seen) => favourable.get(seen) === 'no')) {
          await check(page, 'reversed question', found);
          small.push(...(await smallTargets(page)));
        }
        symbolsSeen[id] = symbols;
      }
      await model.next('Hopp over');
    }
    expect(new Set(Object.keys(symbolsSeen).map((id) => favourable.get(id)))).toEqual(new Set(['no', 'none']));
    for (const [id, symbols] of Object.entries(symbolsSeen)) expect(symbols.filter((s) => ['smile', 'straight', 'frown'].includes(s)), id).toEqual([]);
    await page.locator('.text-page').waitFor();
    await check(page, 'end page', found);
    small.push(...(await smallTargets(page)));
    await model.next();
    await page.getByRole('heading', { name: lang.answeredBy }).waitFor();
    await model.press('Ferdig');
    await page.getByRole('alert').waitFor();
    await check(page, 'helper page with missing choice', found);
    await model.choose(lang.alone);
    await model.press('Ferdig');
    await page.getByRole('heading', { name: lang.helperTitle }).waitFor();
    await check(page, 'helper after finishing', found);
    expect(found).toEqual({});
    expect(small).toEqual([]);
    await context.close();
  });

  it.each(LANGUAGES)("has no WCAG 2.2 A/AA violations on the relatives' phone pages in $code", async (lang) => {
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const model = new TabletModel(page);
    const found: Record<string, string[]> = {};
    await page.goto(`${e2e.server.url}p/${e2e.server.demo!.relativeCode}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await model.choose(lang.name);
    await check(page, 'relative start', found);
    await model.press('Start');
    await page.locator('.progress-text').waitFor();
    while (!(await model.isQuestionPage())) await model.next();
    await check(page, 'relation question', found);
    await model.next();
    await check(page, 'graded statement', found);
    await model.choose('5');
    await check(page, 'graded statement with a choice', found);
    await model.press('Hopp over');
    await page.getByRole('alertdialog').waitFor();
    await check(page, 'skip dialog', found);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, fjern svaret' }).tap();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    // Skip every question up to the first comment page (it has no "Hopp over"). The page number changes a
    // moment before the next page's content, so a tap may meet a button that is just leaving: tap again.
    for (let i = 0; i < 200 && !(await page.locator('.comment-page').count()); i++) {
      await page.getByRole('button', { name: 'Hopp over', exact: true }).tap({ timeout: 2_000 }).catch(() => undefined);
    }
    await check(page, 'comment page', found);
    expect(found).toEqual({});
    await context.close();
  });

  it('has no WCAG 2.2 A/AA violations on the about page, which names the pictures\' licence', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 768, height: 1024 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}om`);
    await page.getByRole('heading', { name: 'Om Min stemme teller' }).waitFor();
    expect(await page.getByText('Illustrasjoner: Min stemme teller, CC BY 4.0', { exact: false }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
