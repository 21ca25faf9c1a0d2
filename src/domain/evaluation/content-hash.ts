// sha256 of the canonical JSON: the fingerprint a published evaluation is stored and checked with.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
