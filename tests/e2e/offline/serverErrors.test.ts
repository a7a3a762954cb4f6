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
const SERVER_ERROR_NOTICE = 'Serveren hadde en feil og tok ikke imot svarene nå.';

describe('server errors and lost acknowledgements', () => {
  const e2e = useE2e({ restartable: true });

  it('retries while the server answers 500 and stores the response exactly once', async () => {
    const before = await e2e.server.counts();
    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo.tabletCode);
    const { page } = model;
    // The page's sends and the service worker's (Background Sync), all of them through the failing route.
    const posts = recordPosts(context);
    let failing = true;
    await context.route(RESPONSES, async (route: Route) => {
      if (failing) {
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
    // 1: the send at finish got 500; 2: it is tried again by itself (the backoff timer, or Background Sync).
    await waitUntil(async () => posts.filter((post) => post.outcome === 500).length, (n) => n >= 2, 30_000, 'an automatic retry');
    // 3: "Send nå" while the server still fails tells the helper it was a server error, and keeps the response.
    await model.press('Send nå');
    await page.getByText(SERVER_ERROR_NOTICE, { exact: false }).waitFor();
    await waitForOutboxText(page, '1 svar venter på å bli sendt');
    expect(await e2e.server.counts()).toEqual(before);

    // The server works again. An automatic retry may deliver it before the helper's "Send nå" lands;
    // either way it is sent once.
    failing = false;
    await page
      .getByRole('button', { name: 'Send nå', exact: true })
      .tap({ timeout: 5_000 })
      .catch(() => undefined);
    await waitForOutboxText(page, /Alt er sendt/, 30_000);
    const outcomes = await waitUntil(async () => posts.map((post) => post.outcome), (o) => o.includes(200) && !o.includes('pending'), 30_000, 'the successful send');
    expect(outcomes.filter((outcome) => outcome !== 500)).toEqual([200]);
    expect(new Set(posts.map((post) => post.body)).size).toBe(1);
    expect(await e2e.server.counts()).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: 0 });
    expect(await page.getByText(SERVER_ERROR_NOTICE, { exact: false }).count()).toBe(0);
    await context.close();
  });

  it('resends after the acknowledgement was lost and still stores the response exactly once', async () => {
    const before = await e2e.server.counts();
    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo.tabletCode);
    const { page } = model;
    const posts = recordPosts(context);
    let dropped = 0;
    let committedStatus = 0;
    await context.route(RESPONSES, async (route: Route) => {
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
    await waitUntil(async () => posts.map((post) => post.outcome), (o) => o[0] === 'failed', 30_000, 'the dropped send at finish');
    expect(committedStatus).toBe(200);
    expect(await e2e.server.counts()).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: 0 });

    // The tablet could not know: it sends the same response again by itself, and the server acknowledges it.
    await waitForOutboxText(page, /Alt er sendt/, 20_000);
    const outcomes = await waitUntil(async () => posts.map((post) => post.outcome), (o) => o.includes(200) && !o.includes('pending'), 30_000, 'the resend');
    expect(outcomes).toEqual(['failed', 200]);
    expect(posts[1]?.body).toBe(posts[0]?.body);
    expect(await e2e.server.counts()).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: 0 });
    await context.close();
  });
});
