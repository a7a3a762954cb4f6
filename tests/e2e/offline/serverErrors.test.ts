/**
 * Failures between tablet and server: a server that answers 500 for a
 * while, and a connection that drops after the server stored a batch but
 * before the tablet saw the acknowledgement. Either way the response is
 * retried and stored exactly once.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../support/waitUntil.ts';
import { recordPosts, setUpTablet, waitForOutboxText, wholeRespondentSurvey } from './driver.ts';
import { useE2e } from '../../support/harness.ts';

const RESPONSES = '**/api/v1/responses';
const OFFLINE_NOTICE = 'Ingen kontakt med serveren nå';

describe('server errors and lost acknowledgements', () => {
  const e2e = useE2e({ restartable: true });

  it('retries while the server answers 500 and stores the response exactly once', async () => {
    const before = await e2e.server.counts();
    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo.tabletCode);
    const { page } = model;
    const posts = recordPosts(page);
    let failuresLeft = 3;
    await page.route(RESPONSES, async (route: Route) => {
      if (failuresLeft > 0) {
        failuresLeft--;
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'internal', message: 'Noe gikk galt på serveren.' } }),
        });
      } else {
        await route.continue();
      }
    });

    const answers = await wholeRespondentSurvey(model, { skip: [3] });
    await waitForOutboxText(page, '1 svar venter på å bli sendt');
    // 1: the send at finish got 500; 2: the backoff timer retries by itself 5 s later.
    await waitUntil(async () => posts.filter((post) => post.outcome === 500).length, (n) => n >= 2, 15_000, 'an automatic retry');
    // 3: "Send nå" while the server still fails tells the helper, and keeps the response.
    await model.press('Send nå');
    await page.getByText(OFFLINE_NOTICE).waitFor();
    await waitForOutboxText(page, '1 svar venter på å bli sendt');
    expect(failuresLeft).toBe(0);
    expect(await e2e.server.counts()).toEqual(before);

    // The server works again.
    await model.press('Send nå');
    await waitForOutboxText(page, /Alt er sendt/);
    const outcomes = await waitUntil(async () => posts.map((post) => post.outcome), (o) => o.length === 4 && o[3] !== 'pending', 5_000, 'the fourth send');
    expect(outcomes).toEqual([500, 500, 500, 200]);
    expect(new Set(posts.map((post) => post.body)).size).toBe(1);
    expect(await e2e.server.counts()).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: 0 });
    await context.close();
  });

  it('resends after the acknowledgement was lost and still stores the response exactly once', async () => {
    const before = await e2e.server.counts();
    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo.tabletCode);
    const { page } = model;
    const posts = recordPosts(page);
    let dropped = 0;
    let committedStatus = 0;
    await page.route(RESPONSES, async (route: Route) => {
      if (dropped === 0) {
        dropped++;
        // The server receives and commits the batch; the tablet never sees its answer.
        committedStatus = (await route.fetch()).status();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });

    const answers = await wholeRespondentSurvey(model);
    await waitUntil(async () => posts.map((post) => post.outcome), (o) => o[0] === 'failed', 5_000, 'the dropped send at finish');
    expect(committedStatus).toBe(200);
    expect(await e2e.server.counts()).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: 0 });
    // The tablet could not know: the response still waits.
    await waitForOutboxText(page, '1 svar venter på å bli sendt');

    await model.press('Send nå');
    await waitForOutboxText(page, /Alt er sendt/);
    const outcomes = await waitUntil(async () => posts.map((post) => post.outcome), (o) => o.length === 2 && o[1] !== 'pending', 5_000, 'the resend');
    expect(outcomes).toEqual(['failed', 200]);
    expect(posts[1]?.body).toBe(posts[0]?.body);
    expect(await e2e.server.counts()).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: 0 });
    await context.close();
  });
});
