import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, get } from './api.ts';

/** The state of one GET: loading, its data, or its error. */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: ApiError };

/**
 * Fetches `path` (null: nothing to fetch yet) and re-fetches when it changes; a stale response is
 * discarded by aborting the earlier request. `reload` fetches the same path again, showing the loading
 * state; `refresh` fetches it again keeping the current data on screen until the new data arrives (after
 * a change the reader made, so that the page, and the focus in it, stay where they are).
 */
export function useApi<T>(path: string | null): [Loadable<T>, () => void, () => void] {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const quietPath = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` only triggers a re-fetch.
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    const quiet = quietPath.current === path;
    quietPath.current = null;
    if (!quiet) setState({ status: 'loading' });
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
  const refresh = useCallback(() => {
    quietPath.current = path;
    setAttempt((n) => n + 1);
  }, [path]);
  return [state, reload, refresh];
}
