/**
 * Every coordinator page, in bokmål and English, checked with axe-core
 * (WCAG 2.2 A/AA) in Chromium, on a closed round with real (fixture) answers.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeResponses } from '../../src/server/ingest/storeResponses.ts';
import { hashPassword } from '../../src/server/password.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { axeViolations } from '../support/axe.ts';
import { useE2e } from '../support/harness.ts';

describe('accessibility of the coordinator pages', () => {
  const e2e = useE2e();
  let roundId = 0;

  beforeAll(async () => {
    const k = e2e.server.db.kysely;
    const round = await k.selectFrom('rounds').selectAll().executeTakeFirstOrThrow();
    const unit = await k.selectFrom('round_units').select('unit_id').where('round_id', '=', round.id).executeTakeFirstOrThrow();
    roundId = round.id;
    const answers = ['ja', 'bade', 'nei'];
    await storeResponses(k, new QuestionnaireCache(k), {
      responses: Array.from({ length: 7 }, (_, i) => ({
        id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent' as const, language: 'nb', roundCode: round.tablet_code,
        unitId: unit.unit_id, answeredBy: 'alone' as const, comments: {}, completion: 'finished' as const, completedOn: new Date().toISOString().slice(0, 10),
        answers: { 'bolig-trives': answers[i % 3]!, 'bolig-lei': answers[(i + 1) % 3]!, 'bolig-trygg': 'ja', 'personalet-snill': answers[i % 3]! },
      })),
    });
    // A colleague, so the coordinators page shows its reset and disable buttons.
    await k.insertInto('coordinators').values({ municipality_id: round.municipality_id, username: 'kollega', password_hash: await hashPassword(randomUUID()), is_admin: 0 }).execute();
    // Results exist only for a closed round: close it, so the results, report and summary pages show figures.
    await k.updateTable('rounds').set({ status: 'closed' }).where('id', '=', round.id).execute();
  });

  async function visit(page: Page, path: string, found: Record<string, string[]>) {
    await page.goto(`${e2e.server.url}koordinator${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Pages show a "Laster …" status until their data is in.
    await page.waitForFunction(() => !document.querySelector('.load-state'));
    const violations = await axeViolations(page);
    if (violations.length > 0) found[path || '/'] = violations;
  }

  it.each(['nb', 'en'] as const)('has no WCAG 2.2 A/AA violations on any page in %s', async (language) => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    await page.goto(`${e2e.server.url}koordinator`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (language === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    }
    const violations = await axeViolations(page);
    if (violations.length > 0) found['sign-in'] = violations;
    await page.getByRole('textbox').first().fill(e2e.server.demo!.username);
    await page.locator('input[type="password"]').fill(e2e.server.demo!.password);
    await page.locator('form').getByRole('button').first().click();
    await page.getByRole('table').first().waitFor();
    for (const path of ['', '/runder/ny', `/runder/${roundId}`, `/runder/${roundId}/resultater`, `/runder/${roundId}/brev`, `/runder/${roundId}/rapport`, `/runder/${roundId}/dette-sa-dere`, '/enheter', '/koordinatorer', '/kommune', '/opplasting', '/passord', '/finnes-ikke']) {
      await visit(page, path, found);
    }
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    // The results page with the switch on (every figure without flagged responses) too.
    await page.goto(`${e2e.server.url}koordinator/runder/${roundId}/resultater`);
    await page.getByRole('switch').waitFor();
    // react-aria hides the native input under its label: a person clicks the label.
    await page.locator('label.switch').click();
    await page.getByRole('switch', { checked: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !document.querySelector('.load-state'));
    const switched = await axeViolations(page);
    if (switched.length > 0) found['results without flagged'] = switched;
    expect(found).toEqual({});
    await context.close();
  });

  it('moves focus to the heading after navigation with a calm mark, and keeps a strong ring on controls', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}koordinator`);
    await page.getByLabel('Brukernavn').fill(e2e.server.demo!.username);
    await page.getByLabel('Passord').fill(e2e.server.demo!.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: 'Undersøkelsesrunder', level: 1 }).waitFor();
    // By keyboard, so the browser shows focus: follow the link to the units page.
    await page.getByRole('link', { name: 'Enheter' }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Enheter', level: 1 }).waitFor();
    const heading = await page.evaluate(() => {
      const h1 = document.activeElement as HTMLElement;
      const style = getComputedStyle(h1);
      return { tag: h1.tagName, outline: style.outlineStyle, shadow: style.boxShadow, underline: style.textDecorationLine };
    });
    // No frame (and no error red): an underline in the brand colour.
    expect(heading).toEqual({ tag: 'H1', outline: 'none', shadow: 'none', underline: 'underline' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const control = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, width: parseFloat(style.outlineWidth), style: style.outlineStyle, colour: style.outlineColor };
    });
    expect(control.tag).not.toBe('H1');
    expect(control.style).toBe('solid');
    expect(control.width).toBeGreaterThanOrEqual(3);
    // The dark brand blue, not the error red (#a4161a) the focus ring used to share.
    expect(control.colour).not.toBe('rgb(164, 22, 26)');
    expect(control.colour).not.toBe('rgb(179, 38, 30)');
    await context.close();
  });
});
