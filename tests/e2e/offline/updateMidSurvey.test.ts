/**
 * A new build is deployed while a person is answering: the new service
 * worker installs and waits, the survey goes on to its end in the same
 * page with every answer kept, and the update is offered and applied only
 * on the helper screen.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER_NAME, makeNewBuild } from '../../support/newBuild.ts';
import { answerRespondentQuestions, finishRespondentSurvey, setUpTablet, waitForOutboxText } from './driver.ts';
import { useE2e } from '../../support/harness.ts';

const UPDATE_TITLE = 'En ny versjon av appen er klar';

type MarkedWindow = Window & { surveyPageMarker?: string };

function buildMarker(page: Page): Promise<string | null> {
  return page.evaluate((name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null, BUILD_MARKER_NAME);
}

describe('a new app version deployed mid-survey', () => {
  const e2e = useE2e({ restartable: true });
  let newBuild: string | undefined;

  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.server?.dispose();
    if (newBuild) rmSync(newBuild, { recursive: true, force: true });
  });

  it('waits until the survey is over and is applied from the helper screen', async () => {
    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo.tabletCode);
    const { page } = model;
    expect(await buildMarker(page)).toBeNull();
    await model.startSurvey();
    let answers = await answerRespondentQuestions(model, { questions: 4 });
    await page.evaluate(() => {
      (window as MarkedWindow).surveyPageMarker = 'set before the deploy';
    });
    const oldWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);

    // Deploy: the same server address and database now serve a build with a different sw.js.
    newBuild = makeNewBuild(e2e.server.appDir, 'build-2');
    await e2e.server.stop();
    await e2e.server.start({ distDir: newBuild });
    // The browser checks for a new version (as it does on navigations and hourly); it installs and waits.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed', undefined, {
      timeout: 30_000,
    });

    // The survey goes on in the same page; the prompt is never shown to the person answering.
    answers += await answerRespondentQuestions(model, { skip: [6] });
    expect(await page.getByText(UPDATE_TITLE).count()).toBe(0);
    await finishRespondentSurvey(model);
    expect(await page.evaluate(() => (window as MarkedWindow).surveyPageMarker)).toBe('set before the deploy');
    expect(await buildMarker(page)).toBeNull();
    await waitForOutboxText(page, /Alt er sendt/);
    expect(answers).toBe(10);
    expect(await e2e.server.counts()).toEqual({ responses: 1, answers, comments: 0 });

    // On the helper screen: the prompt, and "Oppdater nå" reloads into the new version.
    await page.getByRole('heading', { name: UPDATE_TITLE }).waitFor();
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), model.press('Oppdater nå')]);
    await page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
    expect(await page.evaluate(() => (window as MarkedWindow).surveyPageMarker)).toBeUndefined();
    expect(await buildMarker(page)).toBe('build-2');
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        controlled: navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller === registration?.active,
        waiting: registration?.waiting ?? null,
        scriptURL: navigator.serviceWorker.controller?.scriptURL ?? null,
      };
    });
    expect(after).toEqual({ controlled: true, waiting: null, scriptURL: oldWorker });
    expect(await page.getByText(UPDATE_TITLE).count()).toBe(0);
    await waitForOutboxText(page, /Alt er sendt/);
    expect(await e2e.server.counts()).toEqual({ responses: 1, answers, comments: 0 });
    await context.close();
  });
});
