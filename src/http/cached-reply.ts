// A GET answered through the read cache (src/services/read-cache.ts), after the route has authorized
// the caller: the entity tag names the key and the data version, so a client that sends it back in
// If-None-Match while nothing was committed gets 304 without the answer being computed or sent.
// Cache-Control stays no-store on /api (plugins/security-headers.ts, ASVS 8.2.1): browsers keep
// nothing on disk; a client that keeps the answer itself (in memory) revalidates with the tag.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { chinaDate } from '../domain/report-workflow';
import { accountKey, entityTag } from '../services/read-cache';
import { type AppDeps, actorOfRequest } from './request-auth';

/** Whether an If-None-Match header names `tag` (a list, a weak tag, or `*`). */
export function matchesTag(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const trimmed = t.trim();
    return trimmed === '*' || trimmed === tag || trimmed === `W/${tag}`;
  });
}

/**
 * The key of a list the account sees (its visibility, its permissions on each row, the day's locks):
 * the account, the route and its query, the day.
 */
export function accountListKey(request: FastifyRequest, deps: AppDeps): string {
  return JSON.stringify([
    request.routeOptions.url,
    ...accountKey(actorOfRequest(request)),
    request.url,
    chinaDate(deps.clock()),
  ]);
}

/**
 * The answer for `key` (what the answer depends on besides the versioned tables: the route, its
 * query, the account where the answer is the account's, the day where the clock counts), or 304.
 */
export async function cachedReply<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  key: string,
  compute: () => Promise<T>,
): Promise<T | FastifyReply> {
  // Read with the session, before anything of this request was computed (one round trip less).
  const version = request.auth?.dataVersion ?? (await deps.readCache.version());
  const tag = entityTag(key, version);
  if (matchesTag(request.headers['if-none-match'], tag)) return reply.header('etag', tag).code(304).send();
  const answer = await deps.readCache.read(key, version, compute);
  // Only on an answer: a refusal (thrown above) carries no tag.
  reply.header('etag', tag);
  return answer;
}
