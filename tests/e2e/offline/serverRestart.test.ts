/**
 * The server goes down in the middle of a survey and comes back on the
 * same database and port: the person finishes undisturbed, the response
 * waits on the tablet and the retry timer delivers it exactly once.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.ts';
import { fixtureQuestionnaires } from '../../support/fixtures.ts';
import { startRestartableServer, type RestartableServer } from '../../support/restartableServer.ts';
import { waitUntil } from '../../support/waitUntil.ts';
import { answerRespondentQuestions, finishRespondentSurvey, recordPosts, setUpTablet, waitForOutboxText } from './driver.ts';

describe('a server that is stopped during a survey', () => {
  let server: RestartableServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startRestartableServer(fixtureQuestionnaires());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('keeps the finished response on the tablet and delivers it exactly once after the restart', async () => {
    const { context, model } = await setUpTablet(browser, server.url, server.demo.tabletCode);
    const { page } = model;
    const posts = recordPosts(context);
    await model.startSurvey();
    let answers = await answerRespondentQuestions(model, { questions: 5 });

    await server.stop();
    answers += await answerRespondentQuestions(model, { skip: [2] });
    await finishRespondentSurvey(model);
    await waitForOutboxText(page, '1 svar venter på å bli sendt');
    await waitUntil(async () => posts.map((post) => post.outcome), (outcomes) => outcomes.includes('failed'), 5_000, 'the failed send at finish');

    expect(posts.every((post) => post.outcome === 'failed')).toBe(true);

    await server.start();
    // No button pressed: the backoff timer (5 s after the first failure) sends it.
    await waitForOutboxText(page, /Alt er sendt/, 30_000);
    const outcomes = await waitUntil(async () => posts.map((post) => post.outcome), (o) => o.includes(200), 5_000, 'the successful send');
    expect(outcomes.filter((outcome) => outcome === 200)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'failed' && outcome !== 200)).toEqual([]);
    expect(new Set(posts.flatMap((post) => post.ids)).size).toBe(1);
    expect(answers).toBe(10);
    expect(await server.counts()).toEqual({ responses: 1, answers, comments: 0 });
    await context.close();
  });
});
