import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export type ApiState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'error'; error: Error; data?: T }
  | { status: 'ok'; data: T };

/**
 * Runs `load` when `deps` change, cancelling the previous call; keeps the previous data while reloading
 * so tables do not flash empty between pages.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ status: 'loading', data: s.data }));
    loadRef.current(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setState({ status: 'ok', data });
      },
      (error: Error) => {
        if (!ctl.signal.aborted) setState((s) => ({ status: 'error', error, data: s.data }));
      },
    );
    return () => ctl.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
