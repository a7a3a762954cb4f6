/** The app's update state for React: only the helper screen reads it. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { NO_UPDATES, type AppUpdates } from './serviceWorker.ts';

export const UpdatesContext = createContext<AppUpdates>(NO_UPDATES);

export function useAppUpdates(): { waiting: boolean; apply: () => void } {
  const updates = useContext(UpdatesContext);
  const waiting = useSyncExternalStore(updates.subscribe, updates.isWaiting, updates.isWaiting);
  return { waiting, apply: updates.apply };
}
