/** Fetches a round's response counts, and again every 10 seconds while the round is open. */
import { useEffect, useState } from 'react';
import type { Progress } from '../../shared/coordinatorApi.ts';
import { failureMessage } from '../api.ts';
import { loadProgress } from '../resources.ts';

export const PROGRESS_INTERVAL_MS = 10_000;

export interface ProgressState {
  readonly progress?: Progress;
  readonly updatedAt?: Date;
  /** The last failure; the previous counts stay on screen. */
  readonly error?: string;
}

export function useProgress(roundId: number, live: boolean): ProgressState {
  const [state, setState] = useState<ProgressState>({});

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function tick() {
      try {
        const progress = await loadProgress(roundId);
        if (!stopped) setState({ progress, updatedAt: new Date() });
      } catch (error) {
        if (!stopped) setState((previous) => ({ ...previous, error: failureMessage(error) }));
      }
      if (!stopped && live) timer = setTimeout(() => void tick(), PROGRESS_INTERVAL_MS);
    }
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [roundId, live]);

  return state;
}
