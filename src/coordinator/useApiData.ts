/** Loads data for a page from the API; a new key loads again, reload() refreshes in place. */
import { useCallback, useEffect, useState } from 'react';
import { failureCode, failureMessage } from './api.ts';

export type ApiData<T> =
  | { readonly state: 'loading'; readonly data?: T }
  /** `code` is the server's error code (e.g. "results-not-released"), or "network", "unreadable", "unexpected". */
  | { readonly state: 'error'; readonly message: string; readonly code: string; readonly data?: T }
  | { readonly state: 'ready'; readonly data: T };

export interface ApiDataResult<T> {
  readonly result: ApiData<T>;
  readonly reload: () => void;
  readonly replace: (data: T) => void;
}

/**
 * `key` names what is loaded (e.g. the path with its query): when it changes,
 * the old answer is dropped and a late reply for the old key is ignored.
 */
export function useApiData<T>(key: string, load: () => Promise<T>): ApiDataResult<T> {
  const [result, setResult] = useState<ApiData<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setResult((previous) => ({ state: 'loading', ...(previous.data !== undefined ? { data: previous.data } : {}) }));
    load().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: unknown) => current && setResult({ state: 'error', message: failureMessage(error), code: failureCode(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new function on every render; `key` says when it loads something else.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const replace = useCallback((data: T) => setResult({ state: 'ready', data }), []);
  return { result, reload, replace };
}
