// Privileges survive a restore. Rebuilding the schema recreates every table, and the new tables get
// the owner's default privileges — with scripts/app-role.sql that would give the application role
// UPDATE and DELETE on the new audit_log. So the grants of each table and sequence are read before
// the rebuild and put back exactly afterwards (GRANT what is missing, REVOKE what is extra).
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../query';
import { quoteIdent } from './catalog';

const SEP = '\u0000';

export interface Grants {
  /** Relation name → its kind (`r`, `p` or `S`). */
  relations: Map<string, string>;
  /** Relation, grantee, privilege (NUL-separated: no name holds one) of every non-owner privilege. */
  held: Set<string>;
}

export async function readGrants(tx: Tx): Promise<Grants> {
  const rows = await queryRows<{
    relation: string;
    kind: string;
    grantee: string | null;
    privilege: string | null;
  }>(
    tx,
    sql`select c.relname as relation, c.relkind::text as kind,
               case when a.grantee = 0 then 'PUBLIC' else r.rolname end as grantee, a.privilege_type as privilege
        from pg_class c
        left join lateral aclexplode(c.relacl) as a on a.grantee <> c.relowner
        left join pg_roles r on r.oid = a.grantee
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'S')`,
  );
  const grants: Grants = { relations: new Map(), held: new Set() };
  for (const row of rows) {
    grants.relations.set(row.relation, row.kind);
    if (row.grantee && row.privilege) grants.held.add([row.relation, row.grantee, row.privilege].join(SEP));
  }
  return grants;
}

/** Makes the grants of every relation that existed before equal to what they were; returns the changes. */
export async function restoreGrants(tx: Tx, before: Grants): Promise<number> {
  const now = await readGrants(tx);
  const statements: string[] = [];
  const target = (relation: string) =>
    `${now.relations.get(relation) === 'S' ? 'sequence' : 'table'} ${quoteIdent(relation)}`;
  const role = (grantee: string) => (grantee === 'PUBLIC' ? 'public' : quoteIdent(grantee));
  for (const entry of now.held) {
    const [relation, grantee, privilege] = entry.split(SEP) as [string, string, string];
    if (before.relations.has(relation) && !before.held.has(entry)) {
      statements.push(`revoke ${privilege} on ${target(relation)} from ${role(grantee)}`);
    }
  }
  for (const entry of before.held) {
    const [relation, grantee, privilege] = entry.split(SEP) as [string, string, string];
    if (now.relations.has(relation) && !now.held.has(entry)) {
      statements.push(`grant ${privilege} on ${target(relation)} to ${role(grantee)}`);
    }
  }
  for (const statement of statements) await tx.execute(sql.raw(statement));
  return statements.length;
}
