/**
 * Keeps the browser's history in step with a running survey, so the back
 * button or Android's back gesture moves back one page within the survey
 * instead of leaving it for the helper's screen (or closing the app).
 *
 * 1: the survey adds one history entry when it opens and one for every
 *    page it moves forward to (each after a tap, so browsers never skip them;
 *    right after the frame that shows the page, as pushState takes time);
 * 2: a back gesture pops an entry; the survey moves back one page, or stays
 *    on its first page;
 * 3: popping below the survey's first entry puts one back, so the next
 *    gesture is caught too;
 * 4: leaving the survey (pause, finish) removes its entries again.
 * Forward gestures are ignored: moving on is "Gå til neste"'s job.
 */
import { useEffect, useRef } from 'react';
import { afterPaint } from '../storage/draftWriter.ts';

interface SurveyEntry {
  readonly survey: string;
  readonly step: number;
}

function entryOf(state: unknown, surveyId: string): SurveyEntry | null {
  const entry = state as Partial<SurveyEntry> | null;
  return entry?.survey === surveyId && typeof entry.step === 'number' ? { survey: surveyId, step: entry.step } : null;
}

export interface BackGesture {
  /** Records a move forward by a button (after it happened). */
  forward(): void;
  /** Takes the survey's entries off the history before the survey closes. */
  leave(): void;
}

export function useBackGesture(surveyId: string, onBack: () => void): BackGesture {
  const step = useRef(0);
  const leaving = useRef(false);
  const back = useRef(onBack);
  back.current = onBack;

  useEffect(() => {
    // 1: the entry of the page the survey opened on.
    step.current = 0;
    window.history.pushState({ survey: surveyId, step: 0 } satisfies SurveyEntry, '');
    const onPopState = (event: PopStateEvent) => {
      if (leaving.current) return;
      const entry = entryOf(event.state, surveyId);
      if (entry && entry.step > step.current) {
        step.current = entry.step;
        return;
      }
      if (entry) {
        step.current = entry.step;
      } else {
        // 3: below the survey's first entry.
        step.current = 0;
        window.history.pushState({ survey: surveyId, step: 0 } satisfies SurveyEntry, '');
      }
      // 2
      back.current();
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [surveyId]);

  return {
    forward() {
      step.current += 1;
      const entry = { survey: surveyId, step: step.current } satisfies SurveyEntry;
      void afterPaint().then(() => {
        if (!leaving.current) window.history.pushState(entry, '');
      });
    },
    leave() {
      // 4: back to the entry the survey was opened from.
      const entry = entryOf(window.history.state, surveyId);
      if (!entry || leaving.current) return;
      leaving.current = true;
      window.history.go(-(entry.step + 1));
    },
  };
}
