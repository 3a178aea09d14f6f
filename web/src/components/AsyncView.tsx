import type { ReactNode } from 'react';
import type { ApiState } from '../hooks/useApi.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Loading } from './Loading.tsx';

/** Renders loading/error states around data; keeps showing stale data while reloading. */
export function AsyncView<T>({
  state,
  onRetry,
  children,
}: {
  state: ApiState<T>;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'error') return <ErrorMessage error={state.error} onRetry={onRetry} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}
