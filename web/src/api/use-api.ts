// Kept only for evaluation-robustness.tsx and evaluation-audit.tsx, which are being moved to a job API
// elsewhere: the old `useApi(load, deps)` signature over TanStack Query (query.ts). New code uses
// useApiQuery/useGet with a key that names the API path. Remove this file with its last two users.
import { type DependencyList, useId } from 'react';
import { type ApiState, useApiQuery } from './query';

export type { ApiState };

/** @deprecated use useApiQuery or useGet (query.ts). The key is per component, under /api/evaluations. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiState<T> {
  const id = useId();
  return useApiQuery<T>(['/api/evaluations', 'analysis', id, ...deps], load);
}
