/**
 * A relative on a phone loses coverage halfway through the relatives'
 * survey: the page reloads from the service worker, the survey continues
 * where it stopped, is finished offline, and arrives exactly once when the
 * phone is back online.
 */
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../support/waitUntil.ts';
import { TabletModel } from '../pages/TabletModel.ts';
import { answerRelativeQuestions, nextOnPhone, phoneContext, pressWithKeyboard, waitForServiceWorker } from './driver.ts';
import { useE2e } from '../../support/harness.ts';
import { activeDraftStored } from '../pages/storedDraft.ts';

const WAITING_NOTICE = 'Svarene er lagret på telefonen, men ikke sendt ennå.';
const SENT_NOTICE = 'Svarene dine er sendt. Takk!';

describe("a relative's phone that goes offline halfway", () => {
  const e2e = useE2e({ restartable: true });

  it('continues after an offline reload, finishes offline and is stored exactly once', async () => {
    const context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    const phone = new TabletModel(page);
    await page.goto(`${e2e.server.url}p/${e2e.server.demo.relativeCode}`);
    await phone.press('Start');
    await page.locator('.progress-text', { hasText: /^Side 1 av \d+$/ }).waitFor();
    await waitForServiceWorker(page);
    let answers = await answerRelativeQuestions(phone, { questions: 4 });
    const where = await phone.pageNumber();
    // A reload loses a tap whose write has not committed yet: reload once the page is stored.
    await page.waitForFunction(activeDraftStored, { pageNumber: where.current }, { polling: 50, timeout: 30_000 });

    await context.setOffline(true);
    await page.reload();
    await phone.press('Fortsett der du slapp');
    expect(await phone.pageNumber()).toEqual(where);
    answers += await answerRelativeQuestions(phone);
    await page.getByRole('textbox').fill('Personalet er flinke til å ringe meg.');
    await pressWithKeyboard(page, /^Send svarene/);
    await page.getByText(WAITING_NOTICE).waitFor();
    expect(await e2e.server.counts()).toEqual({ responses: 0, answers: 0, comments: 0 });

    await context.setOffline(false);
    // Coming online sends it (the `online` event, or the retry timer of the failed send at finish).
    await page.getByText(SENT_NOTICE).waitFor({ timeout: 30_000 });
    const counts = await waitUntil(() => e2e.server.counts(), (c) => c.responses > 0, 30_000, 'the response on the server');
    expect(answers).toBe(8);
    expect(counts).toEqual({ responses: 1, answers, comments: 1 });
    await context.close();
  });

  it('says so in plain words when the phone loses coverage before the survey was fetched, and goes on after "Prøv igjen"', async () => {
    // A first visit whose service worker does not hold the app yet: the survey's own chunk comes from the network.
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'nb-NO', serviceWorkers: 'block' });
    const page = await context.newPage();
    const phone = new TabletModel(page);
    await page.goto(`${e2e.server.url}p/${e2e.server.demo.relativeCode}`);
    await page.getByRole('button', { name: 'Start' }).waitFor();

    await context.setOffline(true);
    await phone.press('Start');
    const notice = page.getByRole('alert').filter({ hasText: 'Siden kunne ikke vises' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain('Det skjer oftest når nettet faller ut.');
    expect(await notice.textContent()).toContain('Svar som allerede er gitt, er lagret på enheten.');

    await context.setOffline(false);
    await phone.press('Prøv igjen');
    // The survey started before the failure waits on the phone.
    await phone.press('Fortsett der du slapp');
    await page.locator('.progress-text', { hasText: /^Side 1 av \d+$/ }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Siden kunne ikke vises' }).count()).toBe(0);
    await context.close();
  }, 120_000);

  // Long words such as "brukermedvirkning" (fixture) or "habiliteringstjenesten"
  // (questionnaires/relative.json) wrap (`overflow-wrap: anywhere` on headings and answer
  // labels), so no page scrolls sideways on a 390 px phone (WCAG 1.4.10 Reflow).
  it("fits every page of the relatives' survey on a 390 px wide phone without sideways scrolling", async () => {
    const context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    const phone = new TabletModel(page);
    await page.goto(`${e2e.server.url}p/${e2e.server.demo.relativeCode}`);
    await phone.press('Start');
    const tooWide: string[] = [];
    for (let step = 0; step < 30; step++) {
      const width = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
      const { current } = await phone.pageNumber();
      if (width.content > width.viewport) tooWide.push(`side ${current}: ${width.content} px`);
      if (await page.getByRole('button', { name: /^Send svarene/ }).count()) break;
      await nextOnPhone(phone);
    }
    await context.close();
    expect(tooWide).toEqual([]);
  });
});
