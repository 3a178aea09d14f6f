import cliProgress from 'cli-progress';

/** Progress of a long run: a bar with rate and ETA on a terminal, plain lines every few seconds otherwise. */
export interface ProgressDisplay {
  update(done: number, total: number | null, note?: string): void;
  stop(): void;
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  const started = Date.now();
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} {bar} {value}/{total} | {rate} ads/s | ETA {eta_formatted} {note}`,
        stream,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let startedBar = false;
    return {
      update(done, total, note = '') {
        const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
        if (!startedBar) {
          bar.start(total ?? done, done, { rate, note });
          startedBar = true;
        }
        bar.setTotal(total ?? Math.max(done, 1));
        bar.update(done, { rate, note });
      },
      stop() {
        if (startedBar) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update(done, total, note = '') {
      const now = Date.now();
      if (now - last < 5000) return;
      last = now;
      const secs = (now - started) / 1000;
      const rate = Math.round(done / Math.max(0.001, secs));
      const eta = total && rate > 0 ? ` ETA ${Math.round((total - done) / rate)}s` : '';
      stream.write(`${label}: ${done}${total ? `/${total}` : ''} (${rate} ads/s${eta}) ${note}\n`);
    },
    stop() {},
  };
}
