/** Per-address login throttle (in memory: it protects one server process; lockout lives in the store). */
export interface LoginLimiter {
  /** Counts an attempt from `key`; false when the address is over its budget for the window. */
  hit(key: string): boolean;
  /** Seconds until the address may try again. */
  retryAfter(key: string): number;
}

export function createLoginLimiter(p: { max: number; windowMs: number }, now: () => Date): LoginLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string) => {
    const t = now().getTime();
    let w = windows.get(key);
    if (!w || t - w.start >= p.windowMs) {
      w = { start: t, count: 0 };
      windows.set(key, w);
      if (windows.size > 10_000) {
        for (const [k, v] of windows) if (t - v.start >= p.windowMs) windows.delete(k);
      }
    }
    return w;
  };
  return {
    hit(key) {
      const w = current(key);
      w.count++;
      return w.count <= p.max;
    },
    retryAfter(key) {
      const w = current(key);
      return Math.max(1, Math.ceil((w.start + p.windowMs - now().getTime()) / 1000));
    },
  };
}
