/**
 * The answers of a running survey as the screen shows them, in a small
 * store outside React state: a tap sets its answer here and only what
 * shows that one answer (the question's answer buttons, the navigation
 * bar's "Hopp over") re-renders in the tap's frame; the rest of the survey
 * catches up afterwards. The survey runner reads the latest answers from
 * here when it moves to another page, so a page change never misses a tap.
 */
import { useSyncExternalStore } from 'react';
import type { SurveyDraft } from '../storage/db.ts';

type Answers = SurveyDraft['answers'];

export interface LiveAnswers {
  get(): Answers;
  /** One answer chosen (or removed with null). */
  set(questionId: string, value: string | null): void;
  /** All answers at once: a skip, or the stored draft after a failed write. */
  replace(answers: Answers): void;
  subscribe(listener: () => void): () => void;
}

export function createLiveAnswers(initial: Answers): LiveAnswers {
  let answers = initial;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    get: () => answers,
    set(questionId, value) {
      if (answers[questionId] === value) return;
      answers = { ...answers, [questionId]: value };
      notify();
    },
    replace(next) {
      if (next === answers) return;
      answers = next;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One question's answer; the component re-renders only when that answer changes. */
export function useLiveAnswer(store: LiveAnswers, questionId: string | null): string | null | undefined {
  return useSyncExternalStore(store.subscribe, () => (questionId === null ? undefined : store.get()[questionId]));
}
