import { useCallback, useEffect, useState } from 'react';
import { ApiError, get } from './api.ts';

/** The state of one GET: loading, its data, or its error. */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: ApiError };

/**
 * Fetches `path` (null: nothing to fetch yet) and re-fetches when it changes; a stale response is
 * discarded by aborting the earlier request. `reload` fetches the same path again.
 */
export function useApi<T>(path: string | null): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` only triggers a re-fetch.
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    get<T>(path, controller.signal).then(
      (data) => setState({ status: 'ok', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, { detail: String(error) }),
        });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, reload];
}
