/**
 * Moving around the survey the way people do in Chromium: the arrow keys
 * choose a language, focus stays on the chosen option (WCAG 3.2.2) and
 * shows as a ring around it (WCAG 2.4.7) on
 * the set-up page, the helper's form and the relatives' start page; and the
 * browser's back (Android's back gesture) moves back one page within the
 * survey and never leaves it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import { useE2e } from '../support/harness.ts';
import { TabletModel } from './pages/TabletModel.ts';

/** The focused element's role and accessible name, e.g. "radio Nynorsk" or "heading Hjelperens side". */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    const role = el instanceof HTMLInputElement && el.type === 'radio' ? 'radio' : /^H\d$/.test(el.tagName) ? 'heading' : el.tagName.toLowerCase();
    const name = el instanceof HTMLInputElement && el.labels?.[0] ? el.labels[0].textContent : el.textContent;
    return `${role} ${(name ?? '').trim()}`;
  });
}

/** The outline a sighted keyboard user sees around the focused radio: on its whole label, since the input itself is hidden. */
function focusRingPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const shown = el instanceof HTMLInputElement && el.labels?.[0] ? el.labels[0] : el;
    if (!shown) return 0;
    const style = getComputedStyle(shown);
    return style.outlineStyle === 'none' ? 0 : Number.parseFloat(style.outlineWidth);
  });
}

/** Tabs into the radio group that holds this option, then moves with an arrow key; returns what has focus after each key. */
async function arrowThroughLanguages(page: Page, first: string): Promise<string[]> {
  const model = new TabletModel(page, 'keyboard');
  // The form is a lazy chunk: a person sees it before tabbing to it.
  await page.getByRole('radio', { name: first, exact: true }).waitFor({ state: 'attached' });
  await model.tabTo(first);
  const seen: string[] = [];
  for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowRight']) {
    await page.keyboard.press(key);
    // Give a language change time to re-render the page (and, before the fix, to move focus).
    await page.waitForTimeout(300);
    seen.push(await focused(page));
    expect(await focusRingPx(page), `focus ring on ${seen.at(-1)}`).toBeGreaterThanOrEqual(3);
  }
  return seen;
}

describe('moving around the survey', () => {
  const e2e = useE2e({ questionnaires: loadQuestionnaires().questionnaires });

  it('a fresh tablet\'s set-up page offers bokmål and nynorsk; the arrow keys switch its text and keep focus on the language', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 768, height: 1024 } });
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    await page.getByRole('heading', { name: 'Gjør klar nettbrettet' }).waitFor();
    expect(await arrowThroughLanguages(page, 'Bokmål')).toEqual(['radio Nynorsk', 'radio Bokmål', 'radio Nynorsk']);
    await page.getByRole('heading', { name: 'Gjer klar nettbrettet' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Kode for nettbrettet' }).count()).toBe(1);
    await context.close();
  });

  it("keeps focus on the language chosen with the arrow keys on the helper's form and the relatives' start page", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    await new TabletModel(page).setUp(e2e.server.demo!.tabletCode);
    await new TabletModel(page, 'keyboard').press('Start ny undersøkelse');
    expect(await arrowThroughLanguages(page, 'Bokmål')).toEqual(['radio Nynorsk', 'radio Bokmål', 'radio Nynorsk']);
    await page.getByRole('heading', { name: 'Hjelparen si side' }).waitFor();

    await page.goto(`${e2e.server.url}p/${e2e.server.demo!.relativeCode}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The device remembers nynorsk from the tablet above; the arrows move from there.
    expect(await arrowThroughLanguages(page, 'Nynorsk')).toEqual(['radio Bokmål', 'radio Nynorsk', 'radio Bokmål']);
    await context.close();
  });

  /** A touch tablet, set up, on the first page of a new survey. */
  async function tabletInSurvey() {
    const context = await e2e.browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    const page = await context.newPage();
    const model = new TabletModel(page);
    await page.goto(e2e.server.url);
    await model.setUp(e2e.server.demo!.tabletCode);
    await model.startSurvey({ unit: 'Bofellesskapet Solsikken' });
    return { context, page, model };
  }

  it('shows the focus ring on the whole bar of the answer reached by keyboard, on that one only, and none after a tap', async () => {
    const { context, page, model } = await tabletInSurvey();
    while (!(await model.isQuestionPage())) await model.next();
    const rings = () =>
      page.locator('label.answer').evaluateAll((bars) =>
        bars.map((bar) => {
          const style = getComputedStyle(bar);
          return style.outlineStyle === 'none' ? 0 : Number.parseFloat(style.outlineWidth);
        }),
      );

    // A tap chooses without a ring (the chosen bar is marked by its own edge and check).
    await page.locator('label.answer').nth(1).tap();
    await page.locator('label.answer:has(> input:checked)').waitFor();
    expect(await rings()).toEqual([0, 0, 0]);

    const keyboard = new TabletModel(page, 'keyboard');
    await keyboard.tabTo(/^(Ja|Både ja og nei|Nei)$/);
    await page.keyboard.press('ArrowDown');
    const name = (await keyboard.focusedName()).trim();
    const names = await page.locator('label.answer input').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('aria-label')));
    const ring = await rings();
    expect(ring[names.indexOf(name)], `focus ring on ${name}`).toBeGreaterThanOrEqual(3);
    expect(ring.filter((width) => width > 0)).toHaveLength(1);
    await context.close();
  }, 120_000);

  it("the browser's back moves back one page within the survey and never leaves it", async () => {
    const { context, page, model } = await tabletInSurvey();
    const total = (await model.pageNumber()).total;
    await model.next();
    await model.next();
    await model.next();
    expect(await model.pageNumber()).toEqual({ current: 4, total });

    const back = async (current: number) => {
      await page.goBack();
      await page.locator('.progress-text', { hasText: `Side ${current} av ${total}` }).waitFor({ timeout: 30_000 });
    };
    await back(3);
    await back(2);
    // "Tilbake" in the survey and the browser's back go the same way.
    await model.press('Tilbake');
    await page.locator('.progress-text', { hasText: `Side 1 av ${total}` }).waitFor();
    await model.next();
    await back(1);
    // On the first page, back once more stays in the survey instead of showing the helper's page.
    await page.goBack();
    await page.waitForTimeout(500);
    expect(await model.pageNumber()).toEqual({ current: 1, total });
    expect(await page.getByRole('heading', { name: 'Hjelperens side' }).count()).toBe(0);

    // Pausing still leaves the survey for the helper's page.
    await page.getByRole('button', { name: 'Pause' }).tap();
    await page.getByRole('button', { name: 'Ja, ta pause' }).tap();
    await page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
    await context.close();
  });
});
