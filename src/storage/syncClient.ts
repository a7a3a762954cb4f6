/**
 * Sends finished responses from the outbox to the server and removes each
 * only after the server has acknowledged its id. The one sync client of
 * the app; no React inside. Rules:
 * - 2xx: delete exactly the acknowledged ids;
 * - 4xx naming a response: keep it, marked rejected with the server's
 *   message, never retried automatically (the helper sees it);
 * - 5xx, a page that is not the server's (a Wi-Fi log-in page) and
 *   network errors: retry on a capped, doubling backoff;
 * - the helper can send a refused response again (retry()), once the cause
 *   is gone: a completion date the device's clock had set ahead is moved
 *   back to today;
 * - a request with no answer within REQUEST_TIMEOUT_MS is given up and
 *   counts as a network error, so a stalled connection never blocks later
 *   sends; "Send nå", coming online and becoming visible give up a request
 *   that has had no answer for SUPERSEDE_AFTER_MS and send again at once
 *   (safe: the server stores a response once, however often it arrives);
 * - the backoff paces only the client's own retries while it stays open:
 *   starting, coming online, becoming visible and "Send nå" send
 *   everything waiting at once;
 * - one tab syncs at a time (Web Locks), so two tabs never send at once;
 *   a tab that finds the lock taken waits for it, then sends what is
 *   still waiting (usually nothing), instead of asking again and again;
 * - every attempt is recorded in the device database (SYNC_STATE_KEY), so
 *   every tab and page shows the same status (deliveryStatus.ts);
 * - after a failed send the page asks for Background Sync (onStillWaiting),
 *   so a browser that has it sends through the service worker when the
 *   network returns, even with the page closed (src/app/sw.ts).
 */
import { MAX_BATCH } from '../shared/responseLimits.ts';
import { MAX_RETRY_MS, retryDelay } from './backoff.ts';
import { LAST_SENT_KEY, REQUEST_TIMEOUT_MS, SYNC_STATE_KEY, type SyncOutcome, type SyncState } from './deliveryStatus.ts';
import type { OutboxEntry, SurveyDatabase } from './db.ts';
import { deviceDate } from './surveyStore.ts';



/** The Background Sync registration the page asks for when a send fails (handled in src/app/sw.ts). */
export const BACKGROUND_SYNC_TAG = 'min-stemme-teller-send';

/** What the service worker posts to an open page when Background Sync fires: send what is due now. */
export const SEND_WAITING_MESSAGE = 'send-waiting';

/** How long a request may go unanswered before "Send nå" or a new connection gives it up and sends again. */
export const SUPERSEDE_AFTER_MS = 5_000;

export interface SyncClientOptions {
  readonly db: SurveyDatabase;
  readonly endpoint?: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** Web Locks; absent in old browsers and in tests that do not need it. */
  readonly locks?: Pick<LockManager, 'request'> | undefined;
  readonly language?: () => string;
  /** Called when a send failed and responses still wait: the page asks for Background Sync here, where the browser has it. */
  readonly onStillWaiting?: () => void;
  /** The page's service worker container, whose SEND_WAITING_MESSAGE is one more chance to send. */
  readonly serviceWorker?: Pick<ServiceWorkerContainer, 'addEventListener' | 'removeEventListener'> | undefined;
  /** REQUEST_TIMEOUT_MS unless a test needs it shorter. */
  readonly requestTimeoutMs?: number;
}

export interface SyncClient {
  /** Sends everything due now; resolves with what happened last. */
  syncNow(options?: { includeWaiting?: boolean }): Promise<SyncOutcome>;
  /** Puts a refused response back in the queue (its date no later than the device's today) and sends everything waiting. */
  retry(id: string): Promise<SyncOutcome>;
  /** Listens for online, visibility and timer triggers until stop(). */
  start(target?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document?: Document }): void;
  stop(): void;
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { db } = options;
  const endpoint = options.endpoint ?? '/api/v1/responses';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? Date.now;
  const language = options.language ?? (() => 'nb');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<SyncOutcome> | null = null;
  /** The request in flight, to give up when a fresh chance to send comes. */
  let inFlight: { readonly abort: AbortController; readonly since: number } | null = null;
  /** One send of everything waiting, queued behind the send under way. */
  let followUp: Promise<SyncOutcome> | null = null;
  let detach: (() => void) | null = null;
  /** After a batch-wide 4xx, send one at a time to find the response at fault. */
  let singly = false;

  async function dueEntries(includeWaiting: boolean): Promise<OutboxEntry[]> {
    const queued = await db.outbox.where('state').equals('queued').toArray();
    return queued
      // A retry time further away than the longest backoff means the clock was set back since: it is due.
      .filter((entry) => includeWaiting || entry.nextAttemptAt <= now() || entry.nextAttemptAt - now() > MAX_RETRY_MS)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
      .slice(0, singly ? 1 : MAX_BATCH);
  }

  async function postponeAll(entries: readonly OutboxEntry[], error: string): Promise<void> {
    await db.transaction('rw', db.outbox, async () => {
      for (const entry of entries) {
        const attempts = entry.attempts + 1;
        await db.outbox.update(entry.id, { attempts, nextAttemptAt: now() + retryDelay(attempts), lastError: error });
      }
    });
  }

  async function sendBatch(entries: readonly OutboxEntry[]): Promise<SyncOutcome> {
    let response: Response;
    let body: unknown;
    const abort = new AbortController();
    inFlight = { abort, since: now() };
    const timeout = setTimeout(() => abort.abort(), options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': language() },
        body: JSON.stringify({ responses: entries.map((entry) => entry.response) }),
        signal: abort.signal,
      });
      body = await response.json().catch(() => null);
    } catch (error) {
      await postponeAll(entries, abort.signal.aborted ? 'network: no answer in time' : `network: ${(error as Error).message}`);
      return 'offline';
    } finally {
      clearTimeout(timeout);
      inFlight = null;
    }
    // The schemas (zod) are a chunk of their own, loaded at the first answer from the server.
    const { apiErrorSchema, syncAckSchema } = await import('../shared/response.ts');
    const error = apiErrorSchema.safeParse(body);
    const ack = syncAckSchema.safeParse(body);
    // Not the server's answer at all: a Wi-Fi log-in page, a proxy's error page, a redirect elsewhere.
    if (response.ok ? !ack.success : !error.success) {
      await postponeAll(entries, `unexpected answer: HTTP ${response.status}`);
      return 'unexpected-answer';
    }
    if (ack.success) {
      const acknowledged = new Set(ack.data.acknowledged);
      await db.transaction('rw', db.outbox, db.settings, async () => {
        await db.outbox.bulkDelete(entries.filter((entry) => acknowledged.has(entry.id)).map((entry) => entry.id));
        await db.settings.put({ key: LAST_SENT_KEY, value: now() });
      });
      // Anything the server did not name stays and waits its turn, so a partial ack never loops.
      const unacknowledged = entries.filter((entry) => !acknowledged.has(entry.id));
      if (unacknowledged.length > 0) await postponeAll(unacknowledged, 'not acknowledged');
      singly = false;
      return 'sent';
    }
    const message = error.success ? error.data.error.message : `HTTP ${response.status}`;
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      await postponeAll(entries, message);
      return 'server-error';
    }
    const culprit = error.success ? error.data.error.responseId : undefined;
    const rejected = culprit ? entries.find((entry) => entry.id === culprit) : entries.length === 1 ? entries[0] : undefined;
    if (rejected) {
      const detail = error.success && error.data.error.details?.[0] ? ` (${error.data.error.details[0].path}: ${error.data.error.details[0].message})` : '';
      await db.outbox.update(rejected.id, { state: 'rejected', lastError: `${message}${detail}`, attempts: rejected.attempts + 1 });
    } else {
      singly = true;
    }
    return 'rejected';
  }

  async function record(state: SyncState): Promise<void> {
    await db.settings.put({ key: SYNC_STATE_KEY, value: state });
  }

  async function run(includeWaiting: boolean): Promise<SyncOutcome> {
    let outcome: SyncOutcome = 'nothing-to-send';
    try {
      for (;;) {
        const entries = await dueEntries(includeWaiting);
        if (entries.length === 0) return outcome;
        if (outcome === 'nothing-to-send') await record({ phase: 'sending', outcome: null, at: now() });
        outcome = await sendBatch(entries);
        if (outcome === 'offline' || outcome === 'server-error' || outcome === 'unexpected-answer') return outcome;
      }
    } finally {
      if (outcome !== 'nothing-to-send') await record({ phase: 'idle', outcome, at: now() });
      if (outcome === 'offline' || outcome === 'server-error' || outcome === 'unexpected-answer') options.onStillWaiting?.();
    }
  }

  async function scheduleNext(): Promise<void> {
    if (!detach) return;
    const queued = await db.outbox.where('state').equals('queued').toArray();
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (queued.length === 0) return;
    const next = Math.min(...queued.map((entry) => entry.nextAttemptAt));
    timer = setTimeout(() => void client.syncNow(), Math.min(MAX_RETRY_MS, Math.max(0, next - now())));
  }

  const client: SyncClient = {
    syncNow({ includeWaiting = false } = {}) {
      if (running) {
        if (!includeWaiting) return running;
        // A fresh chance to send: a request stalled this long is given up, and everything waiting goes again.
        if (inFlight && now() - inFlight.since >= SUPERSEDE_AFTER_MS) inFlight.abort.abort();
        followUp ??= running.then(() => {
          followUp = null;
          return client.syncNow({ includeWaiting: true });
        });
        return followUp;
      }
      const work = async (): Promise<SyncOutcome> => {
        if (!options.locks) return run(includeWaiting);
        return options.locks.request('min-stemme-teller-sync', async () => run(includeWaiting));
      };
      running = work().finally(() => {
        running = null;
        void scheduleNext();
      });
      return running;
    },
    async retry(id) {
      const today = deviceDate(new Date(now()));
      await db.transaction('rw', db.outbox, async () => {
        const entry = await db.outbox.get(id);
        if (!entry || entry.state !== 'rejected') return;
        const completedOn = entry.response.completedOn > today ? today : entry.response.completedOn;
        await db.outbox.put({ ...entry, state: 'queued', nextAttemptAt: 0, lastError: null, response: { ...entry.response, completedOn } });
      });
      // A send already under way may have passed this entry by: this one goes after it.
      return client.syncNow({ includeWaiting: true });
    },
    start(target = window) {
      if (detach) return;
      // Every chance to send sends everything waiting: the app opened, the network back, the app in front.
      const trigger = () => void client.syncNow({ includeWaiting: true });
      const onOnline = trigger;
      const onVisible = () => {
        if (target.document?.visibilityState === 'visible') trigger();
        // Going into the background, perhaps to be closed: anything still waiting asks for Background Sync again.
        else void db.outbox.where('state').equals('queued').count().then((waiting) => waiting > 0 && options.onStillWaiting?.());
      };
      // Background Sync fired while this page is open: send what is due. The backoff still paces it, so
      // a server that keeps failing is not hammered by register → fire → send → fail → register.
      const onMessage = (event: Event) => {
        if (((event as MessageEvent).data as { type?: string } | null)?.type === SEND_WAITING_MESSAGE) void client.syncNow();
      };
      target.addEventListener('online', onOnline);
      target.document?.addEventListener('visibilitychange', onVisible);
      options.serviceWorker?.addEventListener('message', onMessage);
      detach = () => {
        target.removeEventListener('online', onOnline);
        target.document?.removeEventListener('visibilitychange', onVisible);
        options.serviceWorker?.removeEventListener('message', onMessage);
      };
      trigger();
    },
    stop() {
      detach?.();
      detach = null;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
  return client;
}
