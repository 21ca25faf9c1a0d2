// A NUL character in any input (issue #14): PostgreSQL cannot store or even compare it in text, so
// a query with one failed as a 500. Every JSON body, query string and path parameter is checked
// before validation and refused with 400 naming the field; imported files are checked per cell
// (io/cells.ts) or refused as binary. errors.ts also answers the database's own refusal (SQLSTATE
// 22021, 22P05) with 400, for any input this misses.
import type { FastifyInstance } from 'fastify';

export class NulCharacterError extends Error {
  override name = 'NulCharacterError';
  readonly statusCode = 400;
  constructor(readonly where: string) {
    super(`请求中「${where}」含有空字符（NUL），已拒绝：请删除后重试`);
  }
}

/** The path of the first string (or key) holding a NUL, or null. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return here;
    const found = findNul(item, here, depth + 1);
    if (found) return found;
  }
  return null;
}

export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const where = findNul(request.params, '') ?? findNul(request.query, '') ?? findNul(request.body, '');
    if (where !== null) throw new NulCharacterError(where || '请求体');
  });
}
