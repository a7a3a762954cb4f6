/**
 * Shared steps of the offline end-to-end tests: a tablet or phone context,
 * waiting for the service worker, walking a survey while counting the
 * answers the server must end up with, and reading the helper's outbox line.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { TabletModel } from '../pages/TabletModel.ts';

/** Answers cycled through on three-option questions; factual (two-option) questions get "Ja". */
const RESPONDENT_CYCLE = ['Ja', 'Både ja og nei', 'Nei'] as const;

export const FINISHED_NOTICE = 'Takk! Svarene er lagret.';

export async function tabletContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: false, locale: 'nb-NO' });
}

export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'nb-NO' });
}

/** Waits until the service worker controls the page, reloading once if it activated after the page loaded. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // clientsClaim() takes over the open page; a reload is the fallback if that has not happened yet.
  const controlled = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!controlled) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  }
}

/** A tablet set up for the round online, with the app controlled by the service worker. */
export async function setUpTablet(browser: Browser, url: string, tabletCode: string): Promise<{ context: BrowserContext; model: TabletModel }> {
  const context = await tabletContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  const model = new TabletModel(page);
  await model.setUp(tabletCode);
  await waitForServiceWorker(page);
  await page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
  return { context, model };
}

export function answeredByPage(model: TabletModel) {
  return model.page.getByRole('heading', { name: /Hvordan ble svarene gitt/ });
}

/**
 * Walks the respondent survey forward from the current page. Each question
 * page is answered (or skipped, if its running number is in `skip`) and
 * counted: a skip is stored as an answer row too. Stops on the helper's
 * answered-by page, or once `questions` question pages have been handled
 * (then it stays on the next question page). Returns the count.
 */
export async function answerRespondentQuestions(
  model: TabletModel,
  options: { questions?: number; skip?: readonly number[] } = {},
): Promise<number> {
  const limit = options.questions ?? Number.POSITIVE_INFINITY;
  const skip = new Set(options.skip ?? []);
  let handled = 0;
  for (let step = 0; step < 100; step++) {
    if (await answeredByPage(model).count()) return handled;
    if (await model.isQuestionPage()) {
      if (handled >= limit) return handled;
      if (skip.has(handled)) {
        handled++;
        await model.next('Hopp over');
        continue;
      }
      const options = await model.page.getByRole('radio').count();
      await model.choose(options === 2 ? 'Ja' : RESPONDENT_CYCLE[handled % RESPONDENT_CYCLE.length]!);
      handled++;
    }
    await model.next();
  }
  throw new Error('The survey never reached the answered-by page');
}

/** On the answered-by page: records how the answers were given and presses "Ferdig". */
export async function finishRespondentSurvey(model: TabletModel, answeredBy = 'Personen svarte alene'): Promise<void> {
  await answeredByPage(model).waitFor();
  await model.choose(answeredBy);
  await model.press('Ferdig');
  await model.page.getByText(FINISHED_NOTICE).waitFor();
}

/** One whole respondent survey from the helper screen back to it; returns the number of answers. */
export async function wholeRespondentSurvey(model: TabletModel, options: { skip?: readonly number[] } = {}): Promise<number> {
  await model.startSurvey();
  const answers = await answerRespondentQuestions(model, options);
  await finishRespondentSurvey(model);
  return answers;
}

export async function pauseSurvey(model: TabletModel): Promise<void> {
  await model.press('Pause');
  await model.press('Ja, ta pause');
  await model.page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
}

/** The helper's outbox line ("N svar venter på å bli sendt" / "Alt er sendt …"). */
export function outboxStatus(page: Page) {
  return page.locator('.outbox-status [role="status"]');
}

export async function waitForOutboxText(page: Page, text: string | RegExp, timeout = 10_000): Promise<void> {
  await outboxStatus(page).filter({ hasText: text }).waitFor({ timeout });
}

/**
 * Presses a button by focusing it and pressing Enter. Used for the phone's
 * navigation buttons: a question whose long word overflows 390 px (the
 * reflow bug in relativeOffline.test.ts) scrolls the page sideways, and
 * Playwright's tap then finds another element over the button.
 */
export async function pressWithKeyboard(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).focus();
  await page.keyboard.press('Enter');
}

/** Goes to the next page of the relatives' survey and waits until it shows. */
export async function nextOnPhone(model: TabletModel): Promise<void> {
  const before = await model.pageNumber();
  await pressWithKeyboard(model.page, /^Gå til neste/);
  await model.page.waitForFunction((n) => !document.querySelector('.progress-text')?.textContent?.includes(`Side ${n} `), before.current);
}

/**
 * Walks the relatives' survey forward from the current page, choosing an
 * option on each question page (cycling through them) and counting it.
 * Stops when `questions` question pages are handled or on the last page
 * ("Send svarene"), without pressing it. Returns the count.
 */
export async function answerRelativeQuestions(model: TabletModel, options: { questions?: number } = {}): Promise<number> {
  const limit = options.questions ?? Number.POSITIVE_INFINITY;
  const send = model.page.getByRole('button', { name: /^Send svarene/ });
  let handled = 0;
  for (let step = 0; step < 100; step++) {
    if (await model.isQuestionPage()) {
      if (handled >= limit) return handled;
      const radios = model.page.getByRole('radio');
      const count = await radios.count();
      const label = await radios.nth((handled * 2) % count).getAttribute('aria-label');
      if (!label) throw new Error('An answer option without a name');
      await model.choose(label);
      handled++;
    }
    if (await send.count()) return handled;
    await nextOnPhone(model);
  }
  throw new Error('The relatives survey never reached "Send svarene"');
}

/**
 * Puts every queued outbox entry where a long time offline leaves it: many
 * failed attempts and the next one minutes away (the backoff's 5-minute cap).
 * Written straight to the app's IndexedDB, as the sync client itself would.
 */
export async function ageOutbox(page: Page, attempts: number, nextAttemptInMs: number): Promise<number> {
  return page.evaluate(
    async ({ attempts, nextAttemptInMs }) => {
      const request = indexedDB.open('min-stemme-teller');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('outbox', 'readwrite');
      const store = tx.objectStore('outbox');
      const entries = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const all = store.getAll();
        all.onsuccess = () => resolve(all.result as Record<string, unknown>[]);
        all.onerror = () => reject(all.error);
      });
      for (const entry of entries) store.put({ ...entry, attempts, nextAttemptAt: Date.now() + nextAttemptInMs });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return entries.length;
    },
    { attempts, nextAttemptInMs },
  );
}

export interface PostRecord {
  readonly at: number;
  readonly ids: readonly string[];
  readonly body: string;
  /** The HTTP status the page saw, 'failed' for a network error, 'pending' while in flight. */
  outcome: number | 'failed' | 'pending';
}

/**
 * Every batch posted to the responses endpoint, with what became of it: by
 * one page, or by every page and the service worker (Background Sync) of a
 * context.
 */
export function recordPosts(page: Page | BrowserContext): PostRecord[] {
  const posts: PostRecord[] = [];
  const byRequest = new Map<Request, PostRecord>();
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/responses')) return;
    const body = request.postData() ?? '';
    const parsed = JSON.parse(body || '{}') as { responses?: { id: string }[] };
    const record: PostRecord = { at: Date.now(), ids: (parsed.responses ?? []).map((response) => response.id), body, outcome: 'pending' };
    byRequest.set(request, record);
    posts.push(record);
  });
  page.on('requestfinished', (request) => {
    const record = byRequest.get(request);
    if (record) void request.response().then((response) => (record.outcome = response?.status() ?? 'failed'));
  });
  page.on('requestfailed', (request) => {
    const record = byRequest.get(request);
    if (record) record.outcome = 'failed';
  });
  return posts;
}
