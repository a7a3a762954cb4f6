/**
 * The app's long-lived services, made once at start and handed down by
 * context: the device database, the one sync client and the one read-aloud
 * controller. Tests make their own with fakes.
 */
import { createContext, useContext } from 'react';
import { openSurveyDatabase, type SurveyDatabase } from '../storage/db.ts';
import { BACKGROUND_SYNC_TAG, createSyncClient, type SyncClient } from '../storage/syncClient.ts';
import { browserReadAloudEnv, createReadAloud, type ReadAloud } from '../survey/readAloud.ts';

export interface Services {
  readonly db: SurveyDatabase;
  readonly sync: SyncClient;
  readonly readAloud: ReadAloud;
}

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

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a <ServicesContext> provider');
  return services;
}
