// What a logical dump covers, read from the catalog rather than from the Drizzle schema, so a
// database at any migration level describes itself: every table in schema public (partitioned
// tables as their parent), its insertable columns, primary key and serial/identity sequences,
// in an order where each table comes after the tables its foreign keys reference.
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../query';

export interface ColumnShape {
  name: string;
  /** The column type as declared, e.g. `character varying(6)` (compared between dump and target). */
  type: string;
  /** The type without modifiers, e.g. `character varying`: what a loaded text value is cast to. */
  castType: string;
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  primaryKey: string[];
  /** Columns fed by a sequence (serial or identity), with the sequence's name. */
  sequences: { column: string; sequence: string }[];
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables of schema public as a dump sees them: partitioned tables as their parent. */
export const PUBLIC_TABLES = sql`c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition`;

export async function describeTables(tx: Tx): Promise<TableShape[]> {
  const columns = await queryRows<{ table: string; name: string; type: string; cast_type: string }>(
    tx,
    sql`select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
               format_type(a.atttypid, null) as cast_type
        from pg_class c join pg_attribute a on a.attrelid = c.oid
        where ${PUBLIC_TABLES} and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`,
  );
  const keys = await queryRows<{ table: string; name: string }>(
    tx,
    sql`select c.relname as table, a.attname as name
        from pg_index i join pg_class c on c.oid = i.indrelid
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey::int2[])
        where i.indisprimary and ${PUBLIC_TABLES}
        order by c.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const sequences = await queryRows<{ table: string; column: string; sequence: string }>(
    tx,
    sql`select c.relname as table, a.attname as column, s.relname as sequence
        from pg_depend d
        join pg_class s on s.oid = d.objid and s.relkind = 'S'
        join pg_class c on c.oid = d.refobjid
        join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
        where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
          and d.deptype in ('a', 'i') and ${PUBLIC_TABLES}
        order by c.relname, a.attnum`,
  );
  const references = await queryRows<{ table: string; target: string }>(
    tx,
    sql`select c.relname as table, r.relname as target
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
        where k.contype = 'f' and ${PUBLIC_TABLES}`,
  );
  const tables = new Map<string, TableShape>();
  for (const c of columns) {
    const table = tables.get(c.table) ?? { name: c.table, columns: [], primaryKey: [], sequences: [] };
    table.columns.push({ name: c.name, type: c.type, castType: c.cast_type });
    tables.set(c.table, table);
  }
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.name);
  for (const s of sequences) tables.get(s.table)?.sequences.push({ column: s.column, sequence: s.sequence });
  return dependencyOrder([...tables.values()], references);
}

/** Referenced tables first; otherwise by name, so the order is the same on every database. */
function dependencyOrder(
  tables: TableShape[],
  references: { table: string; target: string }[],
): TableShape[] {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const needs = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const r of references) if (r.table !== r.target) needs.get(r.table)?.add(r.target);
  const ordered: TableShape[] = [];
  while (pending.size > 0) {
    const ready = [...pending.keys()]
      .filter((name) => [...needs.get(name)!].every((n) => !pending.has(n)))
      .sort();
    // A reference cycle cannot be ordered: load the rest by name and let the constraints decide.
    const next = ready.length > 0 ? ready : [...pending.keys()].sort();
    for (const name of next) {
      ordered.push(pending.get(name)!);
      pending.delete(name);
    }
  }
  return ordered;
}
