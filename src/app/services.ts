/**
 * The app's long-lived services for this browser, made once at start: the
 * device database, the one sync client (with Background Sync and the
 * service worker's messages) and the one read-aloud controller. They are
 * handed down through the survey's ServicesContext.
 */
import { openSurveyDatabase } from '../storage/db.ts';
import { BACKGROUND_SYNC_TAG, createSyncClient } from '../storage/syncClient.ts';
import { browserReadAloudEnv, createReadAloud } from '../survey/readAloud.ts';
import type { Services } from '../survey/services.ts';

export function createBrowserServices(): Services {
  const db = openSurveyDatabase();
  const sync = createSyncClient({
    db,
    locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined,
    language: () => document.documentElement.lang || 'nb',
    onStillWaiting: requestBackgroundSync,
    serviceWorker: typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
  });
  return { db, sync, readAloud: createReadAloud(browserReadAloudEnv()) };
}

/** Background Sync (Chromium-based browsers): an extra trigger; elsewhere nothing happens. */
function requestBackgroundSync(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .getRegistration()
    .then((registration) => (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync?.register(BACKGROUND_SYNC_TAG))
    .catch(() => undefined);
}
