/**
 * Every coordinator page, in bokmål and English, checked with axe-core
 * (WCAG 2.2 A/AA) in Chromium, on a closed round with real (fixture) answers,
 * in a municipality that shares in the comparison with five others (so the
 * results and the report show it); and the operator's page.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeResponses } from '../../src/server/ingest/storeResponses.ts';
import { hashPassword } from '../../src/server/password.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { axeViolations } from '../support/axe.ts';
import { seedComparisonPeers } from '../support/comparisonPeers.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';
import { useE2e } from '../support/harness.ts';

const OPERATOR_PASSWORD = 'driftens eget lange passord';

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
    // Closed in 2025 (a year whose comparison is due), in a municipality that shares, beside five others.
    await k.updateTable('rounds').set({ status: 'closed', opens_on: '2025-09-01', closes_on: '2025-10-31' }).where('id', '=', round.id).execute();
    await k.updateTable('municipalities').set({ shares_comparison: 1 }).where('id', '=', round.municipality_id).execute();
    await seedComparisonPeers(k, { questionnaires: fixtureQuestionnaires(), year: 2025, count: 5, perAudience: 5 });
    await k.insertInto('coordinators').values({ municipality_id: null, username: 'drift', password_hash: await hashPassword(OPERATOR_PASSWORD), is_admin: 0, is_operator: 1 }).execute();
  }, 60_000);

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
    // The comparison with the other municipalities was on the results page that was checked.
    await page.goto(`${e2e.server.url}koordinator/runder/${roundId}/resultater`);
    await page.locator('#comparison-heading').waitFor();
    expect(found).toEqual({});
    await context.close();
  }, 120_000);

  it.each(['nb', 'en'] as const)('has no WCAG 2.2 A/AA violations on the operator page in %s', async (language) => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}koordinator`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (language === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    }
    await page.getByRole('textbox').first().fill('drift');
    await page.locator('input[type="password"]').fill(OPERATOR_PASSWORD);
    await page.locator('form').getByRole('button').first().click();
    await page.getByRole('table', { name: language === 'en' ? 'The municipalities and their activity' : 'Kommunene og aktiviteten deres' }).waitFor();
    // The operator sees the municipalities, never a menu into one of them.
    await page.getByRole('rowheader', { name: 'Sammenligningskommune 5' }).waitFor();
    expect(await page.getByRole('link', { name: language === 'en' ? 'Results' : 'Resultater' }).count()).toBe(0);
    const found: Record<string, string[]> = {};
    const violations = await axeViolations(page);
    if (violations.length > 0) found.operator = violations;
    // With a form error showing, and after creating a municipality (the one-time password shown).
    await page.getByRole('button', { name: language === 'en' ? 'Create municipality' : 'Opprett kommune' }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    const withErrors = await axeViolations(page);
    if (withErrors.length > 0) found['operator with errors'] = withErrors;
    await page.getByRole('textbox').nth(0).fill(`Ny kommune ${language}`);
    await page.getByRole('textbox').nth(1).fill(`admin.ny-${language}`);
    await page.getByRole('button', { name: language === 'en' ? 'Create municipality' : 'Opprett kommune' }).click();
    await page.locator('.one-time-password code').waitFor();
    const created = await axeViolations(page);
    if (created.length > 0) found['operator after creating'] = created;
    expect(found).toEqual({});
    await context.close();
  }, 120_000);

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
