/**
 * The server goes down in the middle of a survey and comes back on the
 * same database and port: the person finishes undisturbed, the response
 * waits on the tablet and the retry timer delivers it exactly once.
 */
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../support/waitUntil.ts';
import { answerRespondentQuestions, finishRespondentSurvey, recordPosts, setUpTablet, waitForOutboxText } from './driver.ts';
import { useE2e } from '../../support/harness.ts';

describe('a server that is stopped during a survey', () => {
  const e2e = useE2e({ restartable: true });

  it('keeps the finished response on the tablet and delivers it exactly once after the restart', async () => {
    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo.tabletCode);
    const { page } = model;
    const posts = recordPosts(context);
    await model.startSurvey();
    let answers = await answerRespondentQuestions(model, { questions: 5 });

    await e2e.server.stop();
    answers += await answerRespondentQuestions(model, { skip: [2] });
    await finishRespondentSurvey(model);
    await waitForOutboxText(page, '1 svar venter på å bli sendt');
    await waitUntil(async () => posts.map((post) => post.outcome), (outcomes) => outcomes.includes('failed'), 30_000, 'the failed send at finish');

    expect(posts.every((post) => post.outcome === 'failed')).toBe(true);

    await e2e.server.start();
    // No button pressed: the backoff timer (5 s after the first failure) sends it.
    await waitForOutboxText(page, /Alt er sendt/, 30_000);
    const outcomes = await waitUntil(async () => posts.map((post) => post.outcome), (o) => o.includes(200), 30_000, 'the successful send');
    expect(outcomes.filter((outcome) => outcome === 200)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'failed' && outcome !== 200)).toEqual([]);
    expect(new Set(posts.flatMap((post) => post.ids)).size).toBe(1);
    expect(answers).toBe(10);
    expect(await e2e.server.counts()).toEqual({ responses: 1, answers, comments: 0 });
    await context.close();
  });
});
