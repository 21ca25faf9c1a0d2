import { describe, expect, it } from 'vitest';
import { ChainChecker, type ChainHead, type ChainRow, GENESIS_HASH } from './audit-chain';

/** A whole chain of `n` rows (hashes are labels here; the database computes the real ones). */
function chain(n: number, from = 1, prev = GENESIS_HASH): ChainRow[] {
  const rows: ChainRow[] = [];
  for (let seq = from; seq < from + n; seq++) {
    const hash = `h${seq}`;
    rows.push({ id: seq + 100, chainSeq: seq, prevHash: prev, hash, recomputed: hash });
    prev = hash;
  }
  return rows;
}

const headOf = (rows: ChainRow[], purged = { purgedSeq: 0, purgedHash: GENESIS_HASH }): ChainHead => ({
  seq: rows[rows.length - 1]!.chainSeq!,
  hash: rows[rows.length - 1]!.hash!,
  ...purged,
});

function check(head: ChainHead | null, ...batches: ChainRow[][]) {
  const checker = new ChainChecker(head);
  for (const batch of batches) checker.add(batch);
  return checker.finish();
}

describe('the audit chain check', () => {
  it('finds a whole chain whole, across batches', () => {
    const rows = chain(7);
    const report = check(headOf(rows), rows.slice(0, 3), rows.slice(3));
    expect(report).toEqual({
      ok: true,
      rows: 7,
      firstSeq: 1,
      lastSeq: 7,
      headHash: 'h7',
      purgedSeq: 0,
      problems: [],
    });
  });

  it('finds an empty log whole', () => {
    expect(check(null).ok).toBe(true);
  });

  it('names the first rows deleted, and accepts a start that a purge recorded', () => {
    const rows = chain(5);
    const cut = rows.slice(2);
    expect(check(headOf(rows), cut).problems.map((p) => p.message)).toEqual([
      '链首缺少第 1 至 2 条：被删除了',
    ]);
    const purged = headOf(rows, { purgedSeq: 2, purgedHash: 'h2' });
    expect(check(purged, cut).ok).toBe(true);
    expect(check(purged, rows.slice(3)).problems.map((p) => p.message)).toEqual([
      '链首缺少第 3 条：保留期清理只到第 2 条，之后的行被删除了',
    ]);
    // The first row after the purge must link to the last row purged.
    expect(check({ ...purged, purgedHash: 'other' }, cut).problems.map((p) => p.kind)).toEqual(['link']);
  });

  it('names a row whose content no longer gives its hash', () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, recomputed: 'changed' };
    expect(check(headOf(rows), rows).problems).toEqual([
      {
        kind: 'edited',
        seq: 2,
        id: 102,
        message: '第 2 条（id 102）的内容与其哈希不符：该行被修改过（或与别的行调换了位置）',
      },
    ]);
  });

  it('names a chain head that is gone while chained rows remain', () => {
    expect(check(null, chain(2)).problems.map((p) => p.kind)).toEqual(['tail']);
  });

  it('names a tail changed after the head was written', () => {
    const rows = chain(3);
    const head = headOf(rows);
    rows[2] = { ...rows[2]!, hash: 'rehashed', recomputed: 'rehashed' };
    expect(check(head, rows).problems.map((p) => p.message)).toEqual([
      '第 3 条与链头（第 3 条）不符：链尾被改动过',
    ]);
  });
});
