/**
 * A new app version, as the helper screen sees it: whether one waits, and
 * applying it. The app provides it (src/app/serviceWorker.ts); where no
 * service worker runs (tests, old browsers) there is never an update.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';

export interface AppUpdates {
  /** True when a new version has been downloaded and is waiting. */
  isWaiting(): boolean;
  subscribe(listener: () => void): () => void;
  /** Activates the waiting version and reloads this page once it controls it. */
  apply(): void;
}

export const NO_UPDATES: AppUpdates = { isWaiting: () => false, subscribe: () => () => undefined, apply: () => undefined };

export const UpdatesContext = createContext<AppUpdates>(NO_UPDATES);

export function useAppUpdates(): { waiting: boolean; apply: () => void } {
  const updates = useContext(UpdatesContext);
  const waiting = useSyncExternalStore(updates.subscribe, updates.isWaiting, updates.isWaiting);
  return { waiting, apply: updates.apply };
}
