/**
 * The survey in Safari's engine (WebKitGTK), Firefox ESR and Chromium: the
 * core tablet journey on a tablet viewport (set-up with the tablet code,
 * answers, reload and resume, offline from the service worker, finish
 * offline, sync once) and the relatives' page on a phone viewport, each
 * ending with exact row counts on the server.
 *
 * "Offline" is the server stopped, in every engine, so no request can reach
 * it; Chromium and Firefox (over BiDi) also emulate the browser being
 * offline. WebKitGTK's WebDriver cannot, so there the page still believes
 * it is online and meets a refused connection, as on a tablet whose Wi-Fi
 * has no way out. WebKitGTK's window is at least 447 px wide, so its phone
 * is 447 px, not 390. Offline, the service worker answers a byte range of
 * a recorded voice with 206, as Safari asks for media.
 */
import { describe, expect, it } from 'vitest';
import { useE2e, type Engine } from '../support/harness.ts';
import { silentWav } from '../support/media.ts';
import { waitUntil } from '../support/waitUntil.ts';
import { EngineModel } from './pages/EngineModel.ts';
import { activeDraftStored } from './pages/storedDraft.ts';

const TABLET = { width: 768, height: 1024 };
const PHONE = { width: 390, height: 844 };
const FINISHED_NOTICE = 'Takk! Svarene er lagret.';
const SENT_NOTICE = 'Svarene dine er sendt. Takk!';
const ENGINES: readonly Engine[] = ['webkit', 'firefox', 'chromium'];

/** In the page: whether the helper's "how were the answers given" page shows. */
function onAnsweredByPage(): boolean {
  return [...document.querySelectorAll('h1')].some((h) => h.textContent?.includes('Hvordan ble svarene gitt'));
}

/**
 * Answers question pages from the current page on, cycling through the
 * options, until `limit` are answered (staying on the next question page)
 * or the answered-by page shows. Returns how many were answered.
 */
async function answerRespondentQuestions(tablet: EngineModel, limit = Number.POSITIVE_INFINITY): Promise<number> {
  let answered = 0;
  for (let step = 0; step < 60; step++) {
    if (await tablet.page.evaluate(onAnsweredByPage)) return answered;
    if (await tablet.isQuestionPage()) {
      if (answered >= limit) return answered;
      const options = await tablet.options();
      await tablet.choose(options[answered % options.length]!);
      answered++;
    }
    await tablet.next();
  }
  throw new Error('The survey never reached the answered-by page');
}

/** Signs in as the demo coordinator and uploads a recorded voice for one question; returns its URL. */
async function uploadVoice(server: { url: string; demo: { username: string; password: string } }, wav: Buffer): Promise<string> {
  const origin = new URL(server.url).origin;
  const login = await fetch(`${origin}/api/v1/coordinator/login`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ username: server.demo.username, password: server.demo.password }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const upload = await fetch(`${origin}/api/v1/coordinator/media/eksempel/nb/audio/${encodeURIComponent('question:bolig-trives')}`, {
    method: 'PUT',
    headers: { origin, cookie, 'content-type': 'audio/wav' },
    body: new Uint8Array(wav),
  });
  expect(upload.status).toBe(201);
  return ((await upload.json()) as { url: string }).url;
}

/** In the page: fetches the first two bytes of `url`, as Safari asks for media. */
async function firstTwoBytes(url: string): Promise<{ status: number; contentRange: string | null; bytes: number[] }> {
  const response = await fetch(url, { headers: { Range: 'bytes=0-1' } });
  return { status: response.status, contentRange: response.headers.get('content-range'), bytes: [...new Uint8Array(await response.arrayBuffer())] };
}

describe.each(ENGINES)('the survey in %s', (engine) => {
  const e2e = useE2e({ restartable: true, engine });

  it('sets up a tablet, resumes after a reload, finishes offline and syncs the response once', async () => {
    const { server } = e2e;
    const wav = silentWav(4000, 5);
    const voiceUrl = await uploadVoice(server, wav);
    const page = await e2e.engine.newPage(TABLET);
    const tablet = new EngineModel(page);
    try {
      await page.goto(server.url);
      await tablet.waitForHeading('Gjør klar nettbrettet', 30_000);
      await tablet.type('Kode for nettbrettet', server.demo.tabletCode);
      await tablet.press('Hent undersøkelsen');
      await tablet.waitForHeading('Hjelperens side', 30_000);
      await tablet.waitForServiceWorker();
      await tablet.waitForHeading('Hjelperens side');

      await tablet.press('Start ny undersøkelse');
      await tablet.press('Start – gi', { prefix: true });
      await tablet.waitForText('Side 1 av');
      let answers = await answerRespondentQuestions(tablet, 2);
      const where = await tablet.pageNumber();
      // A reload loses a tap whose write has not committed yet: reload once the page is stored.
      await tablet.waitFor(`page ${where} stored`, activeDraftStored, [{ pageNumber: where }]);

      await page.reload();
      await tablet.waitForHeading('Hjelperens side');
      await tablet.press('Fortsett', { prefix: true });
      await tablet.waitFor(`page ${where} again`, (n: number | null) => document.querySelector('.progress-text')?.textContent?.includes(`Side ${n} av`), [where]);

      // The network goes; the app reloads from the service worker and the survey goes on.
      await server.stop();
      const emulated = await page.setOffline(true);
      await page.reload();
      await tablet.waitForHeading('Hjelperens side', 30_000);
      expect(await page.evaluate(firstTwoBytes, voiceUrl)).toEqual({ status: 206, contentRange: `bytes 0-1/${wav.length}`, bytes: [0x52, 0x49] });
      await tablet.press('Fortsett', { prefix: true });
      answers += await answerRespondentQuestions(tablet);
      await tablet.choose('Personen svarte alene');
      await tablet.press('Ferdig', { prefix: true });
      await tablet.waitForText(FINISHED_NOTICE);
      await tablet.waitForText('1 svar venter på å bli sendt');

      // Back online: opening the app sends what waits, once.
      await server.start();
      if (emulated) await page.setOffline(false);
      await page.reload();
      await tablet.waitForText('Alt er sendt', 30_000);
      const counts = await waitUntil(() => server.counts(), (c) => c.responses > 0, 30_000, 'the response on the server');
      expect(answers).toBeGreaterThan(2);
      expect(counts).toEqual({ responses: 1, answers, comments: 0 });
    } finally {
      await page.close();
      if (!server.isRunning()) await server.start();
    }
  });

  it("lets a relative answer on a phone, with the response stored exactly once", async () => {
    const { server } = e2e;
    const before = await server.counts();
    const page = await e2e.engine.newPage(PHONE);
    const phone = new EngineModel(page);
    try {
      await page.goto(`${server.url}p/${server.demo.relativeCode}`);
      await phone.press('Start');
      await phone.waitForText('Side 1 av', 30_000);
      let answers = 0;
      for (let step = 0; step < 40; step++) {
        if (await phone.isQuestionPage()) {
          const options = await phone.options();
          await phone.choose(options[(answers * 2) % options.length]!);
          answers++;
        }
        const last = await page.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim().startsWith('Send svarene')));
        if (last) break;
        await phone.next();
      }
      await phone.press('Send svarene', { prefix: true });
      await phone.waitForText(SENT_NOTICE, 30_000);
      const counts = await waitUntil(() => server.counts(), (c) => c.responses > before.responses, 30_000, "the relative's response on the server");
      expect(answers).toBe(8);
      expect(counts).toEqual({ responses: before.responses + 1, answers: before.answers + answers, comments: before.comments });
    } finally {
      await page.close();
    }
  });
});
