/** Adds the wall time of successive stages to `timings` (ms, summed when a stage name repeats). */
export function stageClock(timings: Record<string, number>) {
  let t0 = performance.now();
  return {
    /** Ends the current stage as `name` and starts the next one. */
    lap(name: string) {
      const t = performance.now();
      timings[name] = (timings[name] ?? 0) + (t - t0);
      t0 = t;
    },
    /** Starts the next stage now (time since the last lap was counted elsewhere). */
    restart() {
      t0 = performance.now();
    },
  };
}
