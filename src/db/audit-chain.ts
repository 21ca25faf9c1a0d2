// Reading the audit log's hash chain for `sibi audit verify` (src/domain/audit-chain.ts checks it).
// Each row comes with the hash its content gives now, computed by the same SQL function the chain
// trigger used when it was written (audit_log_hash, migration 0015).
import { sql } from 'drizzle-orm';
import type { ChainHead, ChainRow } from '../domain/audit-chain';
import { queryRows, type Tx } from './query';

interface RawRow {
  id: string | number;
  chain_seq: string | number | null;
  prev_hash: string | null;
  hash: string | null;
  recomputed: string;
}

function toRow(r: RawRow): ChainRow {
  return {
    id: Number(r.id),
    chainSeq: r.chain_seq === null ? null : Number(r.chain_seq),
    prevHash: r.prev_hash,
    hash: r.hash,
    recomputed: r.recomputed,
  };
}

export async function readChainHead(db: Tx): Promise<ChainHead | null> {
  const [head] = await queryRows<{ seq: string; hash: string; purged_seq: string; purged_hash: string }>(
    db,
    sql`select seq::text as seq, hash, purged_seq::text as purged_seq, purged_hash from audit_chain_head where id = 1`,
  );
  if (!head) return null;
  return {
    seq: Number(head.seq),
    hash: head.hash,
    purgedSeq: Number(head.purged_seq),
    purgedHash: head.purged_hash,
  };
}

/** The chained rows in chain order, a batch at a time (keyset on chain_seq). */
export async function* chainBatches(db: Tx, batch = 2000): AsyncGenerator<ChainRow[]> {
  let after = 0;
  for (;;) {
    const rows = await queryRows<RawRow>(
      db,
      sql`select a.id, a.chain_seq, a.prev_hash, a.hash, audit_log_hash(a) as recomputed
          from audit_log a where a.chain_seq > ${after} order by a.chain_seq limit ${batch}`,
    );
    if (rows.length === 0) return;
    const mapped = rows.map(toRow);
    yield mapped;
    after = mapped[mapped.length - 1]!.chainSeq!;
  }
}

/** Rows that never went through the chain trigger (inserted with it switched off). */
export async function unchainedRows(db: Tx, limit = 1000): Promise<ChainRow[]> {
  const rows = await queryRows<RawRow>(
    db,
    sql`select a.id, a.chain_seq, a.prev_hash, a.hash, audit_log_hash(a) as recomputed
        from audit_log a where a.chain_seq is null order by a.id limit ${limit}`,
  );
  return rows.map(toRow);
}
