// Checking the audit log's hash chain (migration 0015): the rows, in chain order, as the database holds
// them, each with the hash its content gives now. Pure: the SQL that reads them is src/db/audit-chain.ts.

/** The hash before the first row of a chain that was never purged. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainRow {
  id: number;
  /** Its place in the chain; null for a row that never went through the chain trigger. */
  chainSeq: number | null;
  prevHash: string | null;
  hash: string | null;
  /** sha256 of the row's canonical content as it is now (audit_log_hash). */
  recomputed: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
  /** The last row a retention purge removed (0 and the genesis hash when none). */
  purgedSeq: number;
  purgedHash: string;
}

export type ChainProblemKind = 'edited' | 'missing' | 'link' | 'unchained' | 'tail' | 'start';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The chain position named (the row found there, or the first missing one). */
  seq: number | null;
  /** The row's id, when there is a row. */
  id: number | null;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  /** Chained rows checked. */
  rows: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The hash at the end of the chain (the head), to note down outside the database. */
  headHash: string | null;
  purgedSeq: number;
  problems: ChainProblem[];
}

/**
 * Walks the chain a batch at a time (rows in chain_seq order; unchained rows may come in any batch).
 * Every row is checked against its own content and against the row before it; the end is checked
 * against the head, the start against the last purged row.
 */
export class ChainChecker {
  private readonly problems: ChainProblem[] = [];
  private rows = 0;
  private firstSeq: number | null = null;
  private last: { seq: number; hash: string | null } | null = null;

  constructor(private readonly head: ChainHead | null) {}

  add(batch: readonly ChainRow[]): void {
    for (const row of batch) this.check(row);
  }

  private check(row: ChainRow): void {
    const name = rowName(row);
    if (row.chainSeq === null) {
      this.problems.push({
        kind: 'unchained',
        seq: null,
        id: row.id,
        message: `${name}不在哈希链上（未经链触发器写入，可能是绕过触发器插入的）`,
      });
      return;
    }
    this.rows++;
    const seq = row.chainSeq;
    if (row.hash !== row.recomputed) {
      this.problems.push({
        kind: 'edited',
        seq,
        id: row.id,
        message: `${name}的内容与其哈希不符：该行被修改过（或与别的行调换了位置）`,
      });
    }
    if (this.last === null) {
      this.firstSeq = seq;
      const purgedSeq = this.head?.purgedSeq ?? 0;
      const purgedHash = this.head?.purgedHash ?? GENESIS_HASH;
      if (seq !== purgedSeq + 1) {
        this.problems.push({
          kind: 'start',
          seq: purgedSeq + 1,
          id: null,
          message:
            purgedSeq === 0
              ? `链首缺少${span(1, seq - 1)}：被删除了`
              : `链首缺少${span(purgedSeq + 1, seq - 1)}：保留期清理只到第 ${purgedSeq} 条，之后的行被删除了`,
        });
      } else if (row.prevHash !== purgedHash) {
        this.problems.push({
          kind: 'link',
          seq,
          id: row.id,
          message: `${name}的前一哈希与链首不符：该行被替换过`,
        });
      }
    } else {
      const expected = this.last.seq + 1;
      if (seq > expected) {
        this.problems.push({
          kind: 'missing',
          seq: expected,
          id: null,
          message: `缺少${span(expected, seq - 1)}（在第 ${this.last.seq} 条与第 ${seq} 条之间）：被删除了`,
        });
      } else if (row.prevHash !== this.last.hash) {
        this.problems.push({
          kind: 'link',
          seq,
          id: row.id,
          message: `${name}记录的前一哈希与第 ${this.last.seq} 条不符：顺序被改动，或前一条被替换过`,
        });
      }
    }
    this.last = { seq, hash: row.hash };
  }

  finish(): ChainReport {
    const head = this.head;
    if (head && head.seq > 0) {
      const lastSeq = this.last?.seq ?? head.purgedSeq;
      if (lastSeq < head.seq) {
        this.problems.push({
          kind: 'tail',
          seq: lastSeq + 1,
          id: null,
          message: `链尾缺少${span(lastSeq + 1, head.seq)}：链头记到第 ${head.seq} 条，被删除了`,
        });
      } else if (lastSeq > head.seq || (this.last && this.last.hash !== head.hash)) {
        this.problems.push({
          kind: 'tail',
          seq: lastSeq,
          id: null,
          message: `第 ${lastSeq} 条与链头（第 ${head.seq} 条）不符：链尾被改动过`,
        });
      }
    } else if (this.last) {
      this.problems.push({
        kind: 'tail',
        seq: this.last.seq,
        id: null,
        message: '有入链的审计行，但链头不存在：链头被删除过',
      });
    }
    return {
      ok: this.problems.length === 0,
      rows: this.rows,
      firstSeq: this.firstSeq,
      lastSeq: this.last?.seq ?? null,
      headHash: head?.hash ?? null,
      purgedSeq: head?.purgedSeq ?? 0,
      problems: this.problems,
    };
  }
}

function span(from: number, to: number): string {
  return from === to ? `第 ${from} 条` : `第 ${from} 至 ${to} 条`;
}

function rowName(row: ChainRow): string {
  return row.chainSeq === null ? `审计记录 id ${row.id} ` : `第 ${row.chainSeq} 条（id ${row.id}）`;
}
