/**
 * The same paused survey continued in two tabs of one browser (one device
 * database): answers from both tabs end up in one response, and finishing
 * it in both tabs — even at the same moment — never sends a second one.
 */
import { describe, expect, it } from 'vitest';
import { TabletModel } from '../pages/TabletModel.ts';
import { answeredByPage, answerRespondentQuestions, FINISHED_NOTICE, pauseSurvey, recordPosts, setUpTablet, waitForOutboxText } from './driver.ts';
import { useE2e } from '../../support/harness.ts';

describe('one survey open in two tabs', () => {
  const e2e = useE2e({ restartable: true });

  it('becomes exactly one response when both tabs finish it', async () => {
    const { context, model: tabA } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo.tabletCode);
    const postsA = recordPosts(tabA.page);
    await tabA.startSurvey();
    const firstPart = await answerRespondentQuestions(tabA, { questions: 3 });
    await pauseSurvey(tabA);

    const pageB = await context.newPage();
    const postsB = recordPosts(pageB);
    await pageB.goto(e2e.server.url);
    const tabB = new TabletModel(pageB);
    await pageB.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
    await tabB.press(/^Fortsett/);
    // Only the tab in front renders frames; switch like a person switching tabs.
    await tabA.page.bringToFront();
    await tabA.press(/^Fortsett/);
    const resumedAt = await tabA.pageNumber();
    expect(await tabB.pageNumber()).toEqual(resumedAt);

    // Tab B answers the rest; tab A, still showing the earlier state, pages on to the end.
    await tabB.page.bringToFront();
    const secondPart = await answerRespondentQuestions(tabB);
    await tabB.choose('Personen svarte alene');
    await tabA.page.bringToFront();
    while (!(await answeredByPage(tabA).count())) await tabA.next();
    await tabA.choose('Med hjelp fra personalet');

    // Both press "Ferdig" at once: one moves the survey to the outbox, the other finds it gone.
    await Promise.all([tabA.press('Ferdig'), tabB.press('Ferdig')]);
    for (const tab of [tabA, tabB]) {
      await tab.page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
      await waitForOutboxText(tab.page, /Alt er sendt/);
      expect(await tab.page.getByRole('button', { name: /^Fortsett/ }).count()).toBe(0);
    }
    expect(await tabA.page.getByText(FINISHED_NOTICE).count() + (await tabB.page.getByText(FINISHED_NOTICE).count())).toBeGreaterThanOrEqual(1);

    const sentIds = [...postsA, ...postsB].flatMap((post) => post.ids);
    expect(sentIds).toHaveLength(1);
    expect(firstPart + secondPart).toBe(10);
    expect(await e2e.server.counts()).toEqual({ responses: 1, answers: firstPart + secondPart, comments: 0 });
    await context.close();
  });
});
