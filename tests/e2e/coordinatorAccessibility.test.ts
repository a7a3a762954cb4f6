/**
 * Every coordinator page, in bokmål and English, checked with axe-core
 * (WCAG 2.2 A/AA) in Chromium, on a closed round with real (fixture) answers.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeResponses } from '../../src/server/ingest/storeResponses.ts';
import { hashPassword } from '../../src/server/password.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('accessibility of the coordinator pages', () => {
  let server: TestServer;
  let browser: Browser;
  let roundId = 0;

  beforeAll(async () => {
    server = await startTestServer(fixtureQuestionnaires());
    browser = await launchChromium();
    const k = server.db.kysely;
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
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function visit(page: Page, path: string, found: Record<string, string[]>) {
    await page.goto(`${server.url}koordinator${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Pages show a "Laster …" status until their data is in.
    await page.waitForFunction(() => !document.querySelector('.load-state'));
    const violations = await axeViolations(page);
    if (violations.length > 0) found[path || '/'] = violations;
  }

  it.each(['nb', 'en'] as const)('has no WCAG 2.2 A/AA violations on any page in %s', async (language) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    await page.goto(`${server.url}koordinator`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (language === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    }
    const violations = await axeViolations(page);
    if (violations.length > 0) found['sign-in'] = violations;
    await page.getByRole('textbox').first().fill(server.demo!.username);
    await page.locator('input[type="password"]').fill(server.demo!.password);
    await page.locator('form').getByRole('button').first().click();
    await page.getByRole('table').first().waitFor();
    for (const path of ['', '/runder/ny', `/runder/${roundId}`, `/runder/${roundId}/resultater`, `/runder/${roundId}/brev`, `/runder/${roundId}/rapport`, `/runder/${roundId}/dette-sa-dere`, '/enheter', '/koordinatorer', '/kommune', '/opplasting', '/passord', '/finnes-ikke']) {
      await visit(page, path, found);
    }
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(found).toEqual({});
    await context.close();
  });
});
