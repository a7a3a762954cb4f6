/// <reference lib="webworker" />
/**
 * The service worker, built by vite-plugin-pwa (injectManifest). It owns:
 * 1: the precache of the app shell and every illustration (the build
 *    injects the list), old caches removed, open pages taken over at once;
 * 2: every navigation answered with the app shell, so a reload offline works;
 * 3: round media (recorded voices, sign-language videos) from the cache the
 *    tablet filled at set-up (src/storage/mediaCache.ts);
 * 4: a waiting version activated only when the page asks (SKIP_WAITING,
 *    from "Oppdater nå"), never during a survey;
 * 5: Background Sync, where the browser offers it: the page registers
 *    BACKGROUND_SYNC_TAG when a send fails, and the browser wakes this
 *    worker when the network returns. With a page of the app open, the
 *    worker asks it to send (SEND_WAITING_MESSAGE), so only one place sends
 *    and "Send nå" keeps control of it; with every page closed, the worker
 *    sends what waits itself with the app's one sync client. An extra
 *    trigger, never the only one.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { openSurveyDatabase } from '../storage/db.ts';
import { BACKGROUND_SYNC_TAG, createSyncClient, SEND_WAITING_MESSAGE } from '../storage/syncClient.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0] };

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// 1
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim();

// 2
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// 3
registerRoute(({ url }) => url.pathname.startsWith('/audio/') || url.pathname.startsWith('/media/'), new CacheFirst({ cacheName: 'round-media' }));

// 4
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// 5
async function sendWaiting(): Promise<void> {
  const pages = await self.clients.matchAll({ type: 'window' });
  if (pages.length > 0) {
    for (const page of pages) page.postMessage({ type: SEND_WAITING_MESSAGE });
    return;
  }
  const db = openSurveyDatabase();
  try {
    const client = createSyncClient({ db, locks: self.navigator.locks, language: () => self.navigator.language || 'nb' });
    const outcome = await client.syncNow({ includeWaiting: true });
    // A failed attempt rejects, so the browser tries again later by itself.
    if (outcome === 'offline' || outcome === 'server-error' || outcome === 'unexpected-answer') throw new Error(`not sent: ${outcome}`);
  } finally {
    db.close();
  }
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === BACKGROUND_SYNC_TAG) sync.waitUntil(sendWaiting());
});
