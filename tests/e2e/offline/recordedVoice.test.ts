/**
 * A recorded voice for one question, uploaded by a coordinator, is stored
 * on the tablet at set-up and played for exactly that question while the
 * tablet is offline; a question without a recording needs the device voice,
 * and on this tablet, which has no Norwegian voice, "Les opp" says so.
 * Offline, the service worker answers a byte range of the recording with
 * 206, as Safari asks; once the coordinator deletes it, the tablet drops it.
 */
import { describe, expect, it } from 'vitest';
import { silentWav } from '../../support/media.ts';
import { pauseSurvey, setUpTablet } from './driver.ts';
import { useE2e } from '../../support/harness.ts';

declare global {
  interface Window {
    __played: string[];
    __spoken: string[];
  }
}

describe('a recorded voice on an offline tablet', () => {
  const e2e = useE2e();

  it('plays the recording for its question, and says why another question cannot be read on a tablet without a Norwegian voice', async () => {
    const office = await e2e.browser.newContext();
    const origin = e2e.server.url.replace(/\/$/, '');
    const login = await office.request.post(`${origin}/api/v1/coordinator/login`, { data: { username: e2e.server.demo!.username, password: e2e.server.demo!.password }, headers: { origin } });
    expect(login.status()).toBe(200);
    const upload = await office.request.put(`${origin}/api/v1/coordinator/media/eksempel/nb/audio/${encodeURIComponent('question:bolig-trives')}`, {
      data: silentWav(8000),
      headers: { origin, 'content-type': 'audio/wav' },
    });
    expect(upload.status()).toBe(201);
    const { url } = (await upload.json()) as { url: string };
    await office.close();

    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo!.tabletCode);
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
    await model.page.waitForFunction((expected) => window.__played.includes(expected), url, { timeout: 30_000 });
    expect(await model.page.evaluate(() => window.__spoken)).not.toContain('Liker du å bo der du bor?');

    await model.next();
    expect(await model.heading().textContent()).toBe('Er du lei deg der du bor?');
    await model.press('Les opp');
    await model.page.getByRole('alert').filter({ hasText: 'ingen norsk stemme, så teksten kan ikke leses opp' }).waitFor({ timeout: 30_000 });
    expect(await model.page.evaluate(() => window.__spoken)).not.toContain('Er du lei deg der du bor?');
    expect(await model.page.evaluate(() => window.__played.filter((p) => p.startsWith('failed')))).toEqual([]);

    // Safari asks for media by byte range: the service worker answers it offline.
    const ranged = await model.page.evaluate(async (mediaUrl) => {
      const response = await fetch(mediaUrl, { headers: { Range: 'bytes=0-1' } });
      return { status: response.status, contentRange: response.headers.get('content-range'), bytes: [...new Uint8Array(await response.arrayBuffer())] };
    }, url);
    expect(ranged).toEqual({ status: 206, contentRange: `bytes 0-1/${silentWav(8000).length}`, bytes: [0x52, 0x49] });
    await pauseSurvey(model);

    // The coordinator deletes the recording; the tablet, online again, drops it from its store.
    await context.setOffline(false);
    const office2 = await e2e.browser.newContext();
    await office2.request.post(`${origin}/api/v1/coordinator/login`, { data: { username: e2e.server.demo!.username, password: e2e.server.demo!.password }, headers: { origin } });
    const removed = await office2.request.delete(`${origin}/api/v1/coordinator/media/eksempel/nb/audio/${encodeURIComponent('question:bolig-trives')}`, { headers: { origin } });
    expect(removed.status()).toBe(204);
    await office2.close();
    await model.page.reload();
    await model.page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
    await model.page.waitForFunction(
      async (mediaUrl) => !(await (await caches.open('round-media')).match(mediaUrl)),
      url,
      { timeout: 30_000, polling: 250 },
    );
    await context.close();
  });
});
