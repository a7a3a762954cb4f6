/**
 * The sync client deletes a response only after the server acknowledged
 * it, keeps refused ones for the helper, and retries the rest on a capped
 * doubling backoff (fake timers, fake fetch, fake IndexedDB).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelay } from '../../src/storage/backoff.ts';
import { openSurveyDatabase, type SurveyDatabase } from '../../src/storage/db.ts';
import { deliveryStatus, isSyncState, SYNC_STATE_KEY } from '../../src/storage/deliveryStatus.ts';
import { createSyncClient, SEND_WAITING_MESSAGE, SUPERSEDE_AFTER_MS } from '../../src/storage/syncClient.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';

function response(id: string): SurveyResponse {
  return {
    id,
    questionnaireId: 'eksempel',
    questionnaireVersion: 1,
    audience: 'respondent',
    language: 'nb',
    roundCode: 'ABCD2345',
    unitId: null,
    answeredBy: 'alone',
    answers: { 'bolig-trives': 'ja' },
    comments: {},
    completion: 'finished',
    completedOn: '2026-11-22',
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('sync client', () => {
  let db: SurveyDatabase;
  let clock: number;
  const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'] as const;

  beforeEach(async () => {
    db = openSurveyDatabase(`sync-${Math.random()}`);
    clock = 1_000_000;
    await db.outbox.bulkPut(ids.map((id) => ({ id, response: response(id), state: 'queued' as const, attempts: 0, nextAttemptAt: 0, lastError: null })));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await db.delete();
  });

  it('doubles the wait after each failure and never waits more than the cap', () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([FIRST_RETRY_MS, 2 * FIRST_RETRY_MS, 4 * FIRST_RETRY_MS, 8 * FIRST_RETRY_MS]);
    expect(retryDelay(50)).toBe(MAX_RETRY_MS);
  });

  it('deletes exactly the acknowledged responses and keeps the rest for a later try', async () => {
    const fetch = vi.fn(async () => json(200, { acknowledged: [ids[0], ids[2]] }));
    const client = createSyncClient({ db, fetch, now: () => clock });
    await client.syncNow();
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ id: ids[1], state: 'queued', attempts: 1, nextAttemptAt: clock + FIRST_RETRY_MS })]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body)).responses).toHaveLength(3);
  });

  it('keeps everything and backs off when the network is down, then sends when it returns', async () => {
    let online = false;
    const fetch = vi.fn(async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return json(200, { acknowledged: ids });
    });
    const client = createSyncClient({ db, fetch, now: () => clock });
    expect(await client.syncNow()).toBe('offline');
    expect(await db.outbox.count()).toBe(3);
    const entry = await db.outbox.get(ids[0]);
    expect(entry).toMatchObject({ attempts: 1, nextAttemptAt: clock + FIRST_RETRY_MS });
    expect(entry?.lastError).toContain('Failed to fetch');

    online = true;
    expect(await client.syncNow()).toBe('nothing-to-send');
    expect(fetch).toHaveBeenCalledTimes(1);
    clock += FIRST_RETRY_MS;
    expect(await client.syncNow()).toBe('sent');
    expect(await db.outbox.count()).toBe(0);
    expect((await db.settings.get('lastSentAt'))?.value).toBe(clock);
  });

  it('retries a 500 on the backoff and sends on the timer by itself', async () => {
    // IndexedDB's fake runs on setImmediate, which must stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let fail = true;
    const fetch = vi.fn(async () => (fail ? json(500, { error: { code: 'internal', message: 'Noe gikk galt' } }) : json(200, { acknowledged: ids })));
    const client = createSyncClient({ db, fetch, now: () => Date.now() });
    const target = new EventTarget() as unknown as Window;
    client.start(target);
    // Poll on real setImmediate: vi.waitFor would move the fake clock and fire the retry early.
    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 500 && !(await check()); i++) await new Promise((resolve) => setImmediate(resolve));
      expect(await check()).toBe(true);
    };
    await until(async () => (await db.outbox.get(ids[0]))?.attempts === 1);
    expect(fetch).toHaveBeenCalledTimes(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS - 100);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(110);
    await until(async () => (await db.outbox.count()) === 0);
    expect(fetch).toHaveBeenCalledTimes(2);
    client.stop();
  });

  it('marks the response the server refused and sends the others', async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const sent = JSON.parse(String(init.body)).responses as SurveyResponse[];
      if (sent.some((r) => r.id === ids[1])) {
        return json(400, { error: { code: 'invalid-answers', message: 'Noen svar passer ikke', responseId: ids[1], details: [{ path: 'answers.x', message: 'ukjent' }] } });
      }
      return json(200, { acknowledged: sent.map((r) => r.id) });
    });
    const client = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock });
    expect(await client.syncNow()).toBe('sent');
    const left = await db.outbox.toArray();
    expect(left).toEqual([expect.objectContaining({ id: ids[1], state: 'rejected', lastError: 'Noen svar passer ikke (answers.x: ukjent)' })]);
    // A refused response is not retried automatically.
    await client.syncNow();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('finds the culprit one by one when the server refuses a batch without naming one', async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const sent = JSON.parse(String(init.body)).responses as SurveyResponse[];
      if (sent.length > 1 || sent[0]?.id === ids[2]) return json(413, { error: { code: 'body-too-large', message: 'For stor' } });
      return json(200, { acknowledged: sent.map((r) => r.id) });
    });
    const client = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock });
    await client.syncNow();
    await client.syncNow();
    const left = await db.outbox.toArray();
    expect(left).toEqual([expect.objectContaining({ id: ids[2], state: 'rejected' })]);
  });

  it('lets only one tab send; the other waits for the lock instead of asking again and again', async () => {
    // Web Locks for two tabs: one holder at a time, the others queue (or get null with ifAvailable).
    let held = false;
    const queue: (() => void)[] = [];
    const requests = { first: 0, second: 0 };
    const lockManager = (tab: keyof typeof requests) => ({
      request: async (_name: string, ...rest: unknown[]) => {
        requests[tab] += 1;
        const callback = rest.at(-1) as (lock: Lock | null) => Promise<unknown>;
        const opts = (rest.length > 1 ? rest[0] : {}) as LockOptions;
        if (held && opts.ifAvailable) return callback(null);
        if (held) await new Promise<void>((resolve) => queue.push(resolve));
        held = true;
        try {
          return await callback({ name: 'sync', mode: 'exclusive' } as Lock);
        } finally {
          held = false;
          queue.shift()?.();
        }
      },
    });
    let answer: (() => void) | undefined;
    const fetch = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((resolve) => {
          answer = () => resolve(json(200, { acknowledged: (JSON.parse(String(init.body)).responses as SurveyResponse[]).map((r) => r.id) }));
        }),
    );
    const first = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock, locks: lockManager('first') as unknown as LockManager });
    const second = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock, locks: lockManager('second') as unknown as LockManager });
    const sending = first.syncNow();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const target = { addEventListener: () => undefined, removeEventListener: () => undefined };
    second.start(target);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.second).toBeLessThanOrEqual(2);
    answer!();
    expect(await sending).toBe('sent');
    await vi.waitFor(() => expect(requests.second).toBeGreaterThanOrEqual(1));
    second.stop();
    // Everything went once, by the tab that held the lock.
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await db.outbox.count()).toBe(0);
  }, 10_000);

  it('gives up on a request that hangs, counts it as no contact, and sends again at the next chance', async () => {
    let hang = true;
    const fetch = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((resolve, reject) => {
          if (!hang) return resolve(json(200, { acknowledged: ids }));
          // A stalled connection: no answer ever, until the client gives up.
          init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        }),
    );
    const client = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock, requestTimeoutMs: 50 });
    expect(await client.syncNow()).toBe('offline');
    expect((await db.outbox.get(ids[0]))?.lastError).toContain('no answer');
    hang = false;
    // "Send nå" (or coming back online) does not wait for the stuck one: it sends.
    expect(await client.syncNow({ includeWaiting: true })).toBe('sent');
    expect(await db.outbox.count()).toBe(0);
  }, 10_000);

  it('sends everything waiting when the app starts and when it becomes visible, whatever the backoff', async () => {
    await db.outbox.toCollection().modify({ attempts: 6, nextAttemptAt: clock + 300_000 });
    const fetch = vi.fn(async (_url: string, init: RequestInit) => json(200, { acknowledged: (JSON.parse(String(init.body)).responses as SurveyResponse[]).map((r) => r.id) }));
    const listeners = new Map<string, () => void>();
    const document = {
      visibilityState: 'visible',
      addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
      removeEventListener: () => undefined,
    };
    const target = { addEventListener: () => undefined, removeEventListener: () => undefined, document: document as unknown as Document };
    const client = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock });
    client.start(target);
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0), { timeout: 5_000 });

    await db.outbox.put({ id: ids[0], response: response(ids[0]), state: 'queued', attempts: 4, nextAttemptAt: clock + 300_000, lastError: 'network: Failed to fetch' });
    listeners.get('visibilitychange')!();
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0), { timeout: 5_000 });
    client.stop();
  }, 10_000);

  async function statusNow() {
    const state = (await db.settings.get(SYNC_STATE_KEY))?.value;
    return deliveryStatus(await db.outbox.toArray(), isSyncState(state) ? state : undefined, null, clock);
  }

  it("tells a page that is not the server's (a Wi-Fi log-in page) from no contact and from a server error, and keeps every response", async () => {
    let answer: () => Response | Promise<Response> = () => new Response('<html><title>Logg inn på gjestenett</title></html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    const fetch = vi.fn(async () => answer());
    const client = createSyncClient({ db, fetch, now: () => clock });
    expect(await client.syncNow()).toBe('unexpected-answer');
    expect(await db.outbox.count()).toBe(3);
    expect(await statusNow()).toMatchObject({ waiting: 3, problem: 'unexpected-answer', nextAttemptAt: clock + FIRST_RETRY_MS });

    answer = () => json(503, { error: { code: 'internal', message: 'Serverfeil' } });
    expect(await client.syncNow({ includeWaiting: true })).toBe('server-error');
    expect(await statusNow()).toMatchObject({ waiting: 3, problem: 'server-error' });

    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await client.syncNow({ includeWaiting: true })).toBe('offline');
    expect(await statusNow()).toMatchObject({ waiting: 3, problem: 'no-contact' });
  });

  it('forgets an old failure once a later automatic attempt succeeds, in every tab', async () => {
    let online = false;
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      if (!online) throw new TypeError('Failed to fetch');
      return json(200, { acknowledged: (JSON.parse(String(init.body)).responses as SurveyResponse[]).map((r) => r.id) });
    });
    const tab = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock });
    await tab.syncNow();
    expect((await statusNow()).problem).toBe('no-contact');
    online = true;
    clock += FIRST_RETRY_MS;
    // Another tab's client, sending on its own timer: the status is read from the shared database.
    const otherTab = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock });
    expect(await otherTab.syncNow()).toBe('sent');
    expect(await statusNow()).toMatchObject({ waiting: 0, refused: [], problem: null, nextAttemptAt: null });
  });

  it('sends a refused response again once the cause is gone, with a date the clock had set ahead moved back to today', async () => {
    await db.outbox.clear();
    const ahead = { ...response(ids[0]), completedOn: '2026-12-09' };
    await db.outbox.put({ id: ids[0], response: ahead, state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null });
    const received: SurveyResponse[] = [];
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const [sent] = JSON.parse(String(init.body)).responses as SurveyResponse[];
      if (sent!.completedOn > '2026-12-01') return json(400, { error: { code: 'date-in-future', message: 'Datoen ligger fram i tid', responseId: sent!.id } });
      received.push(sent!);
      return json(200, { acknowledged: [sent!.id] });
    });
    // The tablet's clock, a week ahead, is put right: it is now 29 November 2026, 10:00 local time.
    clock = new Date(2026, 10, 29, 10).getTime();
    const client = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock });
    expect(await client.syncNow()).toBe('rejected');
    expect(await statusNow()).toMatchObject({ waiting: 0, refused: [expect.objectContaining({ id: ids[0], lastError: 'Datoen ligger fram i tid' })] });
    expect(await client.syncNow({ includeWaiting: true })).toBe('nothing-to-send');

    expect(await client.retry(ids[0])).toBe('sent');
    expect(received).toEqual([{ ...ahead, completedOn: '2026-11-29' }]);
    expect(await statusNow()).toMatchObject({ waiting: 0, refused: [], problem: null });
  });

  it('gives up a request that hangs when the helper presses "Send nå", and sends again at once instead of waiting a minute', async () => {
    let hang = true;
    const fetch = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((resolve, reject) => {
          if (!hang) return resolve(json(200, { acknowledged: (JSON.parse(String(init.body)).responses as SurveyResponse[]).map((r) => r.id) }));
          init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        }),
    );
    const client = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock });
    const stuck = client.syncNow();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    hang = false;
    clock += SUPERSEDE_AFTER_MS;
    expect(await client.syncNow({ includeWaiting: true })).toBe('sent');
    expect(await stuck).toBe('offline');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await db.outbox.count()).toBe(0);
  }, 10_000);

  it('sends at once after the clock was set back, instead of waiting for a retry time now days away', async () => {
    await db.outbox.toCollection().modify({ attempts: 3, nextAttemptAt: clock + 2 * 86_400_000 });
    const fetch = vi.fn(async (_url: string, init: RequestInit) => json(200, { acknowledged: (JSON.parse(String(init.body)).responses as SurveyResponse[]).map((r) => r.id) }));
    const client = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock });
    expect(await client.syncNow()).toBe('sent');
    expect(await db.outbox.count()).toBe(0);
  });

  it('asks for Background Sync after a failed send, and sends what is due when the service worker says so, never faster than the backoff', async () => {
    let online = false;
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      if (!online) throw new TypeError('Failed to fetch');
      return json(200, { acknowledged: (JSON.parse(String(init.body)).responses as SurveyResponse[]).map((r) => r.id) });
    });
    const onStillWaiting = vi.fn();
    const worker = new EventTarget();
    const target = { addEventListener: () => undefined, removeEventListener: () => undefined };
    const client = createSyncClient({ db, fetch: fetch as unknown as typeof globalThis.fetch, now: () => clock, onStillWaiting, serviceWorker: worker });
    client.start(target);
    await vi.waitFor(() => expect(onStillWaiting).toHaveBeenCalledTimes(1));
    expect(await db.outbox.count()).toBe(3);

    // Background Sync fires at once while the server still fails: the message sends nothing before the backoff has run out.
    worker.dispatchEvent(new MessageEvent('message', { data: { type: SEND_WAITING_MESSAGE } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetch).toHaveBeenCalledTimes(1);

    online = true;
    clock += FIRST_RETRY_MS;
    worker.dispatchEvent(new MessageEvent('message', { data: { type: SEND_WAITING_MESSAGE } }));
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0), { timeout: 5_000 });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(onStillWaiting).toHaveBeenCalledTimes(1);
    client.stop();
  }, 10_000);

  it('asks for Background Sync again when the page goes into the background with responses waiting, and not when nothing waits', async () => {
    const onStillWaiting = vi.fn();
    const listeners = new Map<string, () => void>();
    const document = { visibilityState: 'visible', addEventListener: (type: string, listener: () => void) => listeners.set(type, listener), removeEventListener: () => undefined };
    const target = { addEventListener: () => undefined, removeEventListener: () => undefined, document: document as unknown as Document };
    const fetch = vi.fn(async () => new Promise<Response>(() => undefined));
    const client = createSyncClient({ db, fetch, now: () => clock, onStillWaiting });
    client.start(target);
    document.visibilityState = 'hidden';
    listeners.get('visibilitychange')!();
    await vi.waitFor(() => expect(onStillWaiting).toHaveBeenCalledTimes(1));

    await db.outbox.clear();
    listeners.get('visibilitychange')!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onStillWaiting).toHaveBeenCalledTimes(1);
    client.stop();
  });
});
