/**
 * The answers of a running survey as the screen shows them, in a small
 * store outside React state: a tap sets its answer here at once, and the
 * survey runner reads the latest answers from here when it moves to another
 * page, so a page change never misses a tap. The tap's own frame needs no
 * React at all (the browser checks the radio and CSS paints the mark); what
 * shows an answer re-renders after that frame, in a transition.
 */
import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { afterPaint } from '../storage/draftWriter.ts';
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

/** One question's answer as the store has it now, and a count that changes on every change of the store (after a rollback too, when the answer reads the same as before). */
export interface LiveAnswer {
  readonly value: string | null | undefined;
  readonly revision: number;
}

/**
 * One question's answer, re-rendered in a transition after the next frame
 * when the store changes (never before the tap's frame); the value is read
 * from the store as the component renders, so it is the latest even when
 * several taps were quicker than React.
 */
export function useLiveAnswer(store: LiveAnswers, questionId: string | null): LiveAnswer {
  const [revision, setRevision] = useState(0);
  const answers = store.get();
  // The answers this component last showed, kept when it commits (not while it renders).
  const rendered = useRef(answers);
  useLayoutEffect(() => {
    rendered.current = answers;
  });
  useEffect(() => {
    // After the frame that shows the change (the browser draws a tap's mark itself), in a transition.
    const changed = () => void afterPaint().then(() => startTransition(() => setRevision((n) => n + 1)));
    const unsubscribe = store.subscribe(changed);
    // A change between the render and the subscription is not missed.
    if (store.get() !== rendered.current) changed();
    return unsubscribe;
  }, [store]);
  return { value: questionId === null ? undefined : answers[questionId], revision };
}
