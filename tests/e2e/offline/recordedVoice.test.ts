/**
 * A recorded voice for one question, uploaded by a coordinator, is stored
 * on the tablet at set-up and played for exactly that question while the
 * tablet is offline; a question without a recording needs the device voice,
 * and on this tablet, which has no Norwegian voice, "Les opp" says so.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.ts';
import { fixtureQuestionnaires } from '../../support/fixtures.ts';
import { silentWav } from '../../support/media.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { setUpTablet } from './driver.ts';

declare global {
  interface Window {
    __played: string[];
    __spoken: string[];
  }
}

describe('a recorded voice on an offline tablet', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer(fixtureQuestionnaires());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('plays the recording for its question, and says why another question cannot be read on a tablet without a Norwegian voice', async () => {
    const office = await browser.newContext();
    const origin = server.url.replace(/\/$/, '');
    const login = await office.request.post(`${origin}/api/v1/coordinator/login`, { data: { username: server.demo!.username, password: server.demo!.password }, headers: { origin } });
    expect(login.status()).toBe(200);
    const upload = await office.request.put(`${origin}/api/v1/coordinator/media/eksempel/nb/audio/${encodeURIComponent('question:bolig-trives')}`, {
      data: silentWav(8000),
      headers: { origin, 'content-type': 'audio/wav' },
    });
    expect(upload.status()).toBe(201);
    const { url } = (await upload.json()) as { url: string };
    await office.close();

    const { context, model } = await setUpTablet(browser, server.url, server.demo!.tabletCode);
    // Record what the tablet plays and speaks, without changing how it does it.
    await context.addInitScript(() => {
      window.__played = [];
      window.__spoken = [];
      const play = HTMLMediaElement.prototype.play;
      HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
        const started = play.call(this);
        void started.then(() => window.__played.push(new URL(this.currentSrc || this.src).pathname)).catch(() => window.__played.push(`failed ${this.src}`));
        return started;
      };
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
        window.__spoken.push(utterance.text);
        speak(utterance);
      };
    });
    await context.setOffline(true);
    await model.page.reload();
    await model.page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
    await model.startSurvey();
    while (!(await model.isQuestionPage())) await model.next();
    expect(await model.heading().textContent()).toBe('Liker du å bo der du bor?');
    await model.press('Les opp');
    await model.page.waitForFunction((expected) => window.__played.includes(expected), url, { timeout: 10_000 });
    expect(await model.page.evaluate(() => window.__spoken)).not.toContain('Liker du å bo der du bor?');

    await model.next();
    expect(await model.heading().textContent()).toBe('Er du lei deg der du bor?');
    await model.press('Les opp');
    await model.page.getByRole('alert').filter({ hasText: 'ingen norsk stemme, så teksten kan ikke leses opp' }).waitFor({ timeout: 10_000 });
    expect(await model.page.evaluate(() => window.__spoken)).not.toContain('Er du lei deg der du bor?');
    expect(await model.page.evaluate(() => window.__played.filter((p) => p.startsWith('failed')))).toEqual([]);
    await context.close();
  });
});
