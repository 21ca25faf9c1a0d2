// Bulk insert-or-update in chunks. Rows travel as one jsonb parameter per chunk
// (jsonb_to_recordset), which is several times faster than thousands of bind parameters on
// PGlite. A row identical to the stored one is left untouched (its version does not move),
// so re-importing the same file changes nothing; a row that differs is updated and comes back
// with every column that changed, its stored value beside the new one.
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Tx } from './query';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A stored value as it was and as it is now (bigint columns as bigint, dates as YYYY-MM-DD). */
export type ValueChange = readonly [before: unknown, after: unknown];

export interface UpsertResult extends UpsertCounts {
  /** Indexes (into the rows given) of the rows inserted. */
  insertedRows: number[];
  /** The rows updated, by index, with each changed column (by its key in the table definition). */
  changedRows: { index: number; columns: Record<string, ValueChange> }[];
}

const CHUNK_ROWS = 5_000;
/** jsonb_build_object takes at most 100 arguments; wider diffs are joined from several. */
const PAIRS_PER_OBJECT = 40;
const INDEX_COLUMN = '__sibi_index';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function recordsetType(column: PgColumn): string {
  const type = column.getSQLType();
  if (type === 'serial') return 'integer';
  if (type === 'bigserial') return 'bigint';
  return type;
}

/** Exact in JSON: numbers wider than a double travel as text. */
const isWide = (column: PgColumn) => /^(bigint|bigserial|numeric)/.test(column.getSQLType());

function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

export async function upsertRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: T['$inferInsert'][],
  target: PgColumn[],
  allUpdateKeys: (keyof T['$inferInsert'] & string)[],
  /** When given, only these keys are updated on existing rows: columns a file lacks are left as stored. */
  only?: ReadonlySet<string>,
): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, insertedRows: [], changedRows: [] };
  if (rows.length === 0) return result;
  const updateKeys = only ? allUpdateKeys.filter((k) => only.has(k)) : allUpdateKeys;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]!);
  const col = (k: string) => quote(columns[k]!.name);
  const names = keys.map(col);
  const definition = [
    `${INDEX_COLUMN} integer`,
    ...keys.map((k) => `${col(k)} ${recordsetType(columns[k]!)}`),
  ].join(', ');
  const targets = target.map((c) => quote(c.name));
  const updates = updateKeys.map(col);
  const sets = updates.map((c) => `${c} = excluded.${c}`);
  if (columns.version) sets.push(`"version" = t."version" + 1`);
  if (columns.updatedAt) sets.push(`"updated_at" = now()`);
  const conflict =
    updates.length === 0
      ? 'do nothing'
      : `do update set ${sets.join(', ')}
         where (${updates.map((c) => `t.${c}`).join(', ')}) is distinct from (${updates.map((c) => `excluded.${c}`).join(', ')})`;
  const tableName = quote(getTableName(table));
  // Only the first key column is a plain equality the planner can look up by: with statistics taken
  // before this import's rows, it otherwise chose another index sharing later key columns
  // (monthly_reports_period_idx) and read a whole province-month per row. The unique key's index
  // leads with that column, so every lookup stays an index scan.
  const sameKey = targets
    .map((c, i) => (i === 0 ? `t.${c} = x.${c}` : `(t.${c} = x.${c}) is true`))
    .join(' and ');
  const differs = `(${updates.map((c) => `t.${c}`).join(', ')}) is distinct from (${updates.map((c) => `x.${c}`).join(', ')})`;
  // Every statement of a WITH sees the table as it was before the statement: `cmp` finds, by the
  // conflict key (an index lookup per row), the rows that will be inserted (no stored row) and those
  // that will be updated (a stored row that differs, by the same test as the update), with each
  // changed column's stored and new value. A key column matched by = is never null, so a null there
  // means no stored row.
  const statement = (payload: string) =>
    sql`with x as materialized (
          select ${sql.raw([INDEX_COLUMN, ...names].join(', '))}
          from jsonb_to_recordset(${payload}::jsonb) as r(${sql.raw(definition)})),
        cmp as (
          select x.${sql.raw(INDEX_COLUMN)} as index, t.${sql.raw(targets[0]!)} is null as fresh,
                 case when t.${sql.raw(targets[0]!)} is null then null else ${sql.raw(diffObject(updateKeys, columns))} end as diff
          from x left join ${sql.raw(tableName)} t on ${sql.raw(sameKey)}
          where t.${sql.raw(targets[0]!)} is null${sql.raw(updates.length > 0 ? ` or ${differs}` : '')}),
        up as (
          insert into ${sql.raw(tableName)} as t (${sql.raw(names.join(', '))})
          select ${sql.raw(names.join(', '))} from x
          on conflict (${sql.raw(targets.join(', '))}) ${sql.raw(conflict)})
        select index, fresh, diff from cmp`;
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const chunk = rows.slice(i, i + CHUNK_ROWS);
    const payload = JSON.stringify(
      chunk.map((row, n) => {
        const out: Record<string, unknown> = { [INDEX_COLUMN]: i + n };
        for (const k of keys) out[columns[k]!.name] = toJsonValue((row as Record<string, unknown>)[k]);
        return out;
      }),
    );
    const written = await queryRows<{
      index: number;
      fresh: boolean;
      diff: Record<string, unknown[]> | null;
    }>(tx, statement(payload));
    for (const row of written) {
      if (row.fresh) {
        result.insertedRows.push(row.index);
        continue;
      }
      const changed: Record<string, ValueChange> = {};
      for (const [key, [before, after]] of Object.entries(row.diff ?? {}))
        changed[key] = [fromJson(columns[key]!, before), fromJson(columns[key]!, after)];
      result.changedRows.push({ index: row.index, columns: changed });
    }
    result.inserted = result.insertedRows.length;
    result.updated = result.changedRows.length;
    result.unchanged += chunk.length - written.length;
  }
  result.insertedRows.sort((a, b) => a - b);
  result.changedRows.sort((a, b) => a.index - b.index);
  return result;
}

/** {key: [stored, new]} for each update column whose value differs; the others are left out. */
function diffObject(updateKeys: readonly string[], columns: Record<string, PgColumn>): string {
  if (updateKeys.length === 0) return `'{}'::jsonb`;
  const json = (alias: string, k: string) => {
    const ref = `${alias}.${quote(columns[k]!.name)}`;
    return isWide(columns[k]!) ? `to_jsonb(${ref}::text)` : `to_jsonb(${ref})`;
  };
  const pairs = updateKeys.map((k) => {
    const c = quote(columns[k]!.name);
    return `'${k}', case when t.${c} is distinct from x.${c} then jsonb_build_array(${json('t', k)}, ${json('x', k)}) end`;
  });
  const objects: string[] = [];
  for (let i = 0; i < pairs.length; i += PAIRS_PER_OBJECT)
    objects.push(`jsonb_strip_nulls(jsonb_build_object(${pairs.slice(i, i + PAIRS_PER_OBJECT).join(', ')}))`);
  return objects.join(' || ');
}

function fromJson(column: PgColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return isWide(column) && column.dataType === 'bigint' ? BigInt(value as string) : value;
}
