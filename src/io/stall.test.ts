import { describe, expect, it } from 'vitest';
import { StallError, withStallLimit } from './stall';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('withStallLimit', () => {
  it('passes items through', async () => {
    async function* three() {
      yield* [1, 2, 3];
    }
    expect(await collect(withStallLimit(three(), 1000))).toEqual([1, 2, 3]);
  });

  it('throws StallError when the source stops answering', async () => {
    async function* hangs() {
      yield 1;
      await new Promise(() => {});
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of withStallLimit(hangs(), 50)) seen.push(n);
      })(),
    ).rejects.toBeInstanceOf(StallError);
    expect(seen).toEqual([1]);
  });
});
