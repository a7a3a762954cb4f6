/**
 * Offline right after the first visit: a tablet set up once online keeps
 * working with no network — three people answer, the tablet reloads from
 * the service worker, the helper sees what waits — and everything arrives
 * exactly once when the network returns.
 */
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../support/waitUntil.ts';
import { ageOutbox, FINISHED_NOTICE, recordPosts, setUpTablet, waitForOutboxText, wholeRespondentSurvey } from './driver.ts';
import { useE2e } from '../../support/harness.ts';

describe('a tablet offline right after its first visit', () => {
  const e2e = useE2e({ restartable: true });

  it('takes three surveys offline, survives a reload and sends each exactly once when back online', async () => {
    const before = await e2e.server.counts();
    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo.tabletCode);
    const { page } = model;
    await waitForOutboxText(page, 'Alt er sendt');

    await context.setOffline(true);
    let answers = 0;
    answers += await wholeRespondentSurvey(model);
    answers += await wholeRespondentSurvey(model, { skip: [1] });
    answers += await wholeRespondentSurvey(model, { skip: [0, 4] });
    // Ten questions each (a skip is stored too); skipping the factual "dagtid-har" hides its two follow-ups.
    expect(answers).toBe(10 + 10 + 8);
    await waitForOutboxText(page, '3 svar venter på å bli sendt');

    // The page comes from the service worker's precache; the round and the outbox from IndexedDB.
    await page.reload();
    await page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
    await waitForOutboxText(page, '3 svar venter på å bli sendt');
    expect(await page.getByText(FINISHED_NOTICE).count()).toBe(0);
    // A survey page with its illustration still works with no network.
    await model.startSurvey();
    await page.waitForFunction(() => [...document.images].some((img) => img.complete && img.naturalWidth > 0));
    await model.press('Pause');
    await model.press('Ja, ta pause');
    expect(await e2e.server.counts()).toEqual(before);

    await context.setOffline(false);
    // Sent by the retry timers of the offline attempts (see the next test for why not at once).
    const counts = await waitUntil(() => e2e.server.counts(), (c) => c.responses >= before.responses + 3, 60_000, 'three responses on the server');
    await waitForOutboxText(page, /Alt er sendt/);
    expect(counts).toEqual({ responses: before.responses + 3, answers: before.answers + answers, comments: 0 });
    expect(await e2e.server.counts()).toEqual(counts);
    await context.close();
  });

  // Coming online sends everything that waits at once (src/storage/syncClient.ts, start()), not
  // when each entry's own retry timer fires: after a long time offline that is 5 minutes away.
  it('sends what waited as soon as the network returns, even after a long time offline', async () => {
    const before = await e2e.server.counts();
    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo.tabletCode);
    const { page } = model;
    await context.setOffline(true);
    const answers = await wholeRespondentSurvey(model);
    await waitForOutboxText(page, '1 svar venter på å bli sendt');
    // What a week offline leaves behind: many failed attempts, the next one 5 minutes away.
    expect(await ageOutbox(page, 12, 5 * 60_000)).toBe(1);

    const posts = recordPosts(context);
    await context.setOffline(false);
    try {
      const counts = await waitUntil(() => e2e.server.counts(), (c) => c.responses > before.responses, 30_000, 'the response after reconnecting');
      expect(posts).toHaveLength(1);
      expect(counts).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: 0 });
    } finally {
      await context.close();
    }
  });
});
