/** Spaces requests out (a minimum interval between starts) and caps how many run at once. */
export interface Limiter {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/** A limiter allowing `perMinute` starts per minute and `concurrency` tasks at once. */
export function createLimiter(opts: { perMinute: number; concurrency: number }): Limiter {
  const interval = 60_000 / opts.perMinute;
  let nextStart = 0;
  let active = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (active >= opts.concurrency) await new Promise<void>((r) => waiting.push(r));
    active++;
    const now = Date.now();
    const at = Math.max(now, nextStart);
    nextStart = at + interval;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  };
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return {
    async run(fn) {
      await acquire();
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}

/** Sleeps, waking early (and rejecting nothing) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((res) => {
    if (signal?.aborted) return res();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      res();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
