// A policy Visibility as a WHERE condition: out-of-scope rows never leave the database.
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Visibility } from '../../policies/visibility';
import { jsonParam } from '../query';
import { projects } from '../schema';

export const inCodes = (column: PgColumn | SQL, codes: readonly string[]) =>
  sql`${column} in (select jsonb_array_elements_text(${jsonParam(codes)}::jsonb))`;

export const inIds = (column: PgColumn, ids: readonly number[]) =>
  sql`${column} in (select (jsonb_array_elements_text(${jsonParam(ids)}::jsonb))::int)`;

/** Rows of `projects` (joined as is) the visibility allows. */
export function projectVisibleSql(visibility: Visibility): SQL {
  switch (visibility.kind) {
    case 'regions':
      return inCodes(projects.regionCode, visibility.regionCodes);
    case 'projects': {
      const bound = inIds(projects.id, visibility.projectIds);
      return visibility.leaderName === null
        ? bound
        : sql`(${bound} or ${projects.leader} = ${visibility.leaderName})`;
    }
    case 'none':
      return sql`false`;
  }
}

/** Rows of a table with its own region column the visibility allows. */
export function regionVisibleSql(visibility: Visibility, column: PgColumn): SQL {
  return visibility.kind === 'regions' ? inCodes(column, visibility.regionCodes) : sql`false`;
}
