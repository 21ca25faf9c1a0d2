// Every read of the web app goes through TanStack Query: one cache for the whole app, keyed by the
// API path it reads first (`['/api/reports', query]`), so that a write can mark stale exactly the
// reads it affects (invalidation.ts). Reads are retried twice (1 s, then 2 s later) unless the
// server answered 4xx (a refusal does not change by asking again) — but a 429 (the account's or the
// server's heavy work is busy: a robustness run still computing for a page just left) is asked
// again every 5 s, the server's Retry-After, for about a minute; writes are never retried.
// The cache is cleared when the account signs in or out, so one account never sees another's data.
import { keepPreviousData, QueryClient, type QueryKey, useQuery } from '@tanstack/react-query';
import { ApiError, api, onWrite, type Query } from './client';
import { affectedReads } from './invalidation';

/** How many times a failed read is tried again (network errors, 5xx): never on 4xx. */
export const READ_RETRIES = 2;

/** How many times a read refused as busy (429) is tried again, BUSY_RETRY_MS apart. */
export const BUSY_RETRIES = 12;
/** The server's Retry-After for heavy work (src/http/heavy-requests.ts, HEAVY_RETRY_AFTER_SECONDS). */
const BUSY_RETRY_MS = 5_000;

const isBusy = (error: unknown) => error instanceof ApiError && error.status === 429;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isBusy(error)) return failureCount < BUSY_RETRIES;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  if (error instanceof DOMException && error.name === 'AbortError') return false;
  return failureCount < READ_RETRIES;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: shouldRetry,
      // 1 s, 2 s (TanStack's default doubles from 1 s up to 30 s); busy: the server's Retry-After.
      retryDelay: (attempt, error) => (isBusy(error) ? BUSY_RETRY_MS : Math.min(1000 * 2 ** attempt, 30_000)),
      // Data a page showed less than 30 s ago is shown again without asking; older data is shown at
      // once and read again in the background (also when the window regains focus).
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      // A new filter keeps the previous rows on screen (greyed by the table's loading state).
      placeholderData: keepPreviousData,
    },
    mutations: { retry: false },
  },
});

// A successful write through the client marks the reads it affects stale; the ones on screen are
// read again at once.
onWrite((path) => invalidateAfterWrite(path));

/** Marks stale every cached read affected by a write to `path` (the upload's XHR calls it too). */
export function invalidateAfterWrite(path: string): Promise<void> {
  const reads = affectedReads(path);
  if (reads.length === 0) return Promise.resolve();
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const head = query.queryKey[0];
      return typeof head === 'string' && reads.some((read) => head === read || head.startsWith(`${read}/`));
    },
  });
}

/** What a page needs of a read: the data (kept while a new key loads), the error and a retry. */
export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  /** No data for this key yet (first load, or the previous key's data shown meanwhile). */
  loading: boolean;
  reload(): void;
}

/**
 * A read. `key` starts with the API path it reads (what invalidation matches), then whatever else
 * the answer depends on; `load` gets an AbortSignal that fires when the key changes or the page
 * goes away.
 */
export function useApiQuery<T>(
  key: QueryKey,
  load: (signal: AbortSignal) => Promise<T>,
  options: { enabled?: boolean; staleTime?: number } = {},
): ApiState<T> {
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => load(signal),
    ...options,
  });
  return {
    data: query.data,
    error: query.error,
    loading: query.isPending || query.isPlaceholderData,
    reload: () => void query.refetch(),
  };
}

/**
 * For a trial evaluation (POST /api/evaluations/draft, seconds of work on the server): not read
 * again when the window regains focus, only when a write makes it stale.
 */
export const DRAFT_QUERY = { staleTime: Number.POSITIVE_INFINITY };

/** A GET of one API path: the key is the path and its query. */
export function useGet<T>(path: string, params?: Query, options?: { enabled?: boolean }): ApiState<T> {
  return useApiQuery<T>(
    params ? [path, params] : [path],
    (signal) => api.get<T>(path, params, signal),
    options,
  );
}
