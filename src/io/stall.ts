// A last-resort guard: a damaged file that makes a reader wait forever becomes an error instead of a hang.

export class StallError extends Error {}

/** Yields the source's items; throws StallError when one takes longer than `ms` to arrive. */
export async function* withStallLimit<T>(source: AsyncIterable<T>, ms: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let abandon: ((err: Error) => void) | null = null;
  let stalled = false;
  // One timer, restarted for each item: a timer per row would cost more than reading the row.
  const timer = setTimeout(() => {
    stalled = abandon !== null;
    abandon?.(new StallError(`${Math.round(ms / 1000)} 秒内没有读到新的一行`));
  }, ms);
  try {
    while (true) {
      timer.refresh();
      const next = await new Promise<IteratorResult<T>>((resolve, reject) => {
        abandon = reject;
        iterator.next().then(resolve, reject);
      });
      abandon = null;
      if (next.done) return;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    // A stalled iterator would never answer return(); leave it to be collected.
    if (!stalled) await iterator.return?.();
  }
}
