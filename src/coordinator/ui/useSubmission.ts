/**
 * What a coordinator's form keeps about its last submission: the error from
 * checking the input, the failure the server answered with, and the message
 * once it is saved. Every submission forgets the previous outcome first.
 *
 *   refuse(message)  the input did not pass the check: say so beside the field, send nothing
 *   send(request)    1. clear the field error, 2. send, 3. keep what `request` returns as the saved message (or null), or the failure
 *   reset()          forget everything (a form closed without saving)
 */
import { useState } from 'react';

export interface Submission {
  readonly error: string | undefined;
  readonly failure: unknown;
  readonly saved: string | null;
  refuse(message: string): void;
  send(request: () => Promise<string | null>): Promise<void>;
  reset(): void;
}

export function useSubmission(): Submission {
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function reset() {
    setError(undefined);
    setFailure(null);
    setSaved(null);
  }

  return {
    error,
    failure,
    saved,
    refuse(message) {
      reset();
      setError(message);
    },
    async send(request) {
      reset();
      try {
        setSaved(await request());
      } catch (caught) {
        setFailure(caught);
      }
    },
    reset,
  };
}
