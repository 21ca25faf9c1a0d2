// Keyset paging in the contract (issue #14 item 5): a large list takes an opaque `after` cursor and
// answers `next`, beside `page`/`pageSize` (which keep working within the depth cap).
import { z } from 'zod';
import { zPage } from './common';

export const ZAfter = z
  .string()
  .max(4000)
  .describe('opaque cursor: the `next` of the previous page (with the same sort); page must then be 1');

/** A page with the cursor of the page after it. */
export function zListPage<T extends z.ZodTypeAny>(item: T) {
  return zPage(item).extend({
    next: z
      .string()
      .nullable()
      .describe('cursor of the next page (pass as `after`, same sort and filters); null on the last page'),
  });
}
