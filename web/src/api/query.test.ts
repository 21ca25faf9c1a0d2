import { describe, expect, it } from 'vitest';
import { nextPath } from '../router';
import { ApiError, writeDone } from './client';
import { affectedReads } from './invalidation';
import { BUSY_RETRIES, queryClient, shouldRetry } from './query';

describe('read retries', () => {
  it('tries a failed read twice more on 5xx and network errors, never on 4xx but a busy 429', () => {
    const unavailable = new ApiError(503, 'unavailable', '');
    expect([0, 1, 2].map((n) => shouldRetry(n, unavailable))).toEqual([true, true, false]);
    expect(shouldRetry(0, new ApiError(0, 'network', 'network error'))).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422])
      expect(shouldRetry(0, new ApiError(status, 'x', ''))).toBe(false);
    // Busy (429: the heavy-work slots are taken, usually by a run for a page just left): asked again.
    const busy = new ApiError(429, 'too_many_heavy_requests', '');
    expect(shouldRetry(0, busy)).toBe(true);
    expect(shouldRetry(BUSY_RETRIES - 1, busy)).toBe(true);
    expect(shouldRetry(BUSY_RETRIES, busy)).toBe(false);
    expect(shouldRetry(0, new DOMException('aborted', 'AbortError'))).toBe(false);
  });
});

describe('what a write makes stale', () => {
  it('a report write: the reports, the projects, every figure built on them and the audit log', () => {
    const reads = affectedReads('/api/reports/12/approve');
    for (const read of [
      '/api/reports',
      '/api/projects',
      '/api/dashboard',
      '/api/map',
      '/api/stats',
      '/api/audit',
    ])
      expect(reads).toContain(read);
    expect(reads).not.toContain('/api/users');
  });

  it('a POST that only computes changes nothing; a write the table does not know, everything', () => {
    expect(affectedReads('/api/evaluations/draft')).toEqual([]);
    expect(affectedReads('/api/evaluations/draft/sensitivity')).toEqual([]);
    expect(affectedReads('/api/jobs/draft-sensitivity')).toEqual([]);
    expect(affectedReads('/api/schemes/check')).toEqual([]);
    expect(affectedReads('/api/something-new/1')).toEqual(['/api']);
    expect(affectedReads('/api/users/3/disable?x=1')).toEqual(['/api/users', '/api/audit']);
  });

  it('marks stale the cached reads under the affected paths, and no others', async () => {
    queryClient.clear();
    const keys = [
      ['/api/projects', '{"q":"x"}'],
      ['/api/projects/5/leaders'],
      ['/api/users'],
      ['/api/reports-x'],
    ];
    for (const key of keys) queryClient.setQueryData(key, { items: [] });
    writeDone('/api/projects/5');
    await Promise.resolve();
    const stale = keys.map((key) => queryClient.getQueryState(key)?.isInvalidated);
    expect(stale).toEqual([true, true, false, false]);
    queryClient.clear();
  });
});

describe('after signing in', () => {
  it('goes to ?next= when it is a path inside the app, else to the to-do list', () => {
    expect(nextPath('?next=%2Fprojects%2F5%3Fq%3Dx')).toBe('/projects/5?q=x');
    for (const bad of ['', '?next=https%3A%2F%2Fevil.example', '?next=%2F%2Fevil.example', '?next=%2Flogin'])
      expect(nextPath(bad)).toBe('/todos');
  });
});
