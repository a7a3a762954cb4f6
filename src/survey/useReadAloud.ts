/**
 * Connects React to the read-aloud controller: the context that carries the
 * one controller the app creates at its root, and a hook that re-renders a
 * component when what is being read changes.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { IDLE_STATE } from './readAloud.ts';
import type { ReadAloud, ReadAloudState } from './readAloud.ts';

export const ReadAloudContext = createContext<ReadAloud | null>(null);

/** The app's controller; a missing provider is a programming error, not a silent tablet. */
export function useReadAloud(): ReadAloud {
  const controller = useContext(ReadAloudContext);
  if (controller === null) throw new Error('useReadAloud() needs a <ReadAloudContext value={createReadAloud(...)}> above it');
  return controller;
}

const noSubscription = () => () => {};
const idle = () => IDLE_STATE;

/** With no controller (text shown outside a provider) the state stays idle. */
export function useReadAloudState(controller: ReadAloud | null): ReadAloudState {
  return useSyncExternalStore(
    controller?.subscribe ?? noSubscription,
    controller?.getState ?? idle,
    controller?.getState ?? idle,
  );
}
