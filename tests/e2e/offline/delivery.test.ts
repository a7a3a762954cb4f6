/**
 * Delivery that never stalls and never misleads (issue 20), in Chromium
 * against the real server: a POST held open by a stalled connection does
 * not block "Send nå"; a tablet opened after a long time offline sends what
 * waits at once (in a browser without Background Sync, as Safari and
 * Firefox are); a relative
 * who closes the page before the answers are sent and opens the link again
 * sends them once and is asked before a second survey is started.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.ts';
import { useE2e } from '../../support/harness.ts';
import { waitUntil } from '../../support/waitUntil.ts';
import { TabletModel } from '../pages/TabletModel.ts';
import { ageOutbox, answerRelativeQuestions, phoneContext, pressWithKeyboard, recordPosts, setUpTablet, waitForOutboxText, waitForServiceWorker, wholeRespondentSurvey } from './driver.ts';

const RESPONSES = '**/api/v1/responses';

describe('delivery that never stalls and never misleads', () => {
  const e2e = useE2e({ restartable: true });

  it('does not let a POST held open by a stalled connection block "Send nå"', async () => {
    const before = await e2e.server.counts();
    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo.tabletCode);
    const { page } = model;
    const held: Route[] = [];
    await context.route(RESPONSES, async (route: Route) => {
      // The first send goes into a connection that never answers; later ones reach the server.
      if (held.length === 0) held.push(route);
      else await route.continue();
    });
    const answers = await wholeRespondentSurvey(model);
    await waitUntil(async () => held.length, (n) => n === 1, 30_000, 'the send at finish');
    await waitForOutboxText(page, 'Sender 1 svar …');
    // The helper waits a little, then presses "Send nå".
    await page.waitForTimeout(5_500);
    await model.press('Send nå');
    await waitForOutboxText(page, /Alt er sendt/, 20_000);
    expect(await e2e.server.counts()).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: 0 });
    await context.close();
  }, 120_000);

  it('sends what waited within seconds when the tablet is opened again after a long time offline', async () => {
    // As in Safari and Firefox: no Background Sync, so only opening the app can send.
    const withoutBackgroundSync = await launchChromium({ args: ['--disable-features=BackgroundSync'] });
    const before = await e2e.server.counts();
    const { context, model } = await setUpTablet(withoutBackgroundSync, e2e.server.url, e2e.server.demo.tabletCode);
    await context.setOffline(true);
    const answers = await wholeRespondentSurvey(model);
    await waitForOutboxText(model.page, '1 svar venter på å bli sendt');
    // An hour offline: many failed attempts, the next one minutes away.
    expect(await ageOutbox(model.page, 10, 5 * 60_000)).toBe(1);
    await model.page.close();

    // Every send from here on, by the page or by the service worker (Background Sync).
    const posts = recordPosts(context);
    await context.setOffline(false);
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    const counts = await waitUntil(() => e2e.server.counts(), (c) => c.responses > before.responses, 30_000, 'the response on the server');
    expect(counts).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: 0 });
    await waitForOutboxText(page, /Alt er sendt/);
    expect(posts.length).toBe(1);
    await withoutBackgroundSync.close();
  }, 120_000);

  it('sends a relative’s answers once when the closed page is opened again, and asks before a second survey', async () => {
    const before = await e2e.server.counts();
    const context = await phoneContext(e2e.browser);
    let page = await context.newPage();
    let phone = new TabletModel(page);
    const link = `${e2e.server.url}p/${e2e.server.demo.relativeCode}`;
    await page.goto(link);
    await phone.press('Start');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const answers = await answerRelativeQuestions(phone);
    await pressWithKeyboard(page, /^Send svarene/);
    await page.getByText(/ikke sendt ennå\. De blir sendt når telefonen har nett og denne siden er åpen/).waitFor();
    expect(await page.getByText(/Du kan lukke siden|Svarene dine er sendt/).count()).toBe(0);
    await page.close();
    expect(await e2e.server.counts()).toEqual(before);

    // Later, with coverage, the relative opens the letter's link again.
    await context.setOffline(false);
    page = await context.newPage();
    phone = new TabletModel(page);
    await page.goto(link);
    const counts = await waitUntil(() => e2e.server.counts(), (c) => c.responses > before.responses, 30_000, 'the response on the server');
    expect(counts).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: 0 });

    // Pressing Start asks first: one survey for each person.
    await phone.press('Start');
    await page.getByText('Svar bare én gang for hver person. Er dette for en annen person?').waitFor();
    expect(await page.locator('.progress-text').count()).toBe(0);
    await phone.press('Avbryt');
    expect(await e2e.server.counts()).toEqual(counts);
    await context.close();
  }, 120_000);
});
