/**
 * What a coordinator's form keeps about its last submission: the errors
 * from checking the input, whether it is being sent, the failure the server
 * answered with, and what it saved. Every submission forgets the previous
 * outcome first. `Errors` is one message, or one per field; `Saved` is the
 * message (or the record) shown once it is saved.
 *
 *   refuse(errors)   the input did not pass the check: say so beside the field(s), send nothing
 *   send(request)    1. clear the errors, 2. send (busy meanwhile), 3. keep what `request` returns as saved (or null), or the failure
 *   reset()          forget everything (a form closed without saving)
 */
import { useState } from 'react';

export interface Submission<Errors, Saved> {
  readonly error: Errors | undefined;
  readonly busy: boolean;
  readonly failure: unknown;
  readonly saved: Saved | null;
  refuse(errors: Errors): void;
  send(request: () => Promise<Saved | null>): Promise<void>;
  reset(): void;
}

export function useSubmission<Errors = string, Saved = string>(): Submission<Errors, Saved> {
  const [error, setError] = useState<Errors | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<Saved | null>(null);

  function reset() {
    setError(undefined);
    setFailure(null);
    setSaved(null);
  }

  return {
    error,
    busy,
    failure,
    saved,
    refuse(errors) {
      reset();
      setError(() => errors);
    },
    async send(request) {
      reset();
      setBusy(true);
      try {
        const result = await request();
        setSaved(() => result);
      } catch (caught) {
        setFailure(caught);
      } finally {
        setBusy(false);
      }
    },
    reset,
  };
}
