// A progress bar on a terminal; silent when output is piped or in --json mode.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

export function startProgress(label: string, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}{totalText}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { totalText: '' });
  return {
    update(done, total) {
      if (total !== undefined) bar.setTotal(total);
      bar.update(done, { totalText: total !== undefined ? ` / ${total}` : ' 行' });
    },
    stop() {
      bar.stop();
    },
  };
}
