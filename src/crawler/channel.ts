/** An unbounded async queue: producers push, one consumer iterates until close(). */
export interface Channel<T> extends AsyncIterable<T> {
  push(v: T): void;
  close(): void;
}

export function createChannel<T>(): Channel<T> {
  const buf: T[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  return {
    push(v) {
      buf.push(v);
      notify();
    },
    close() {
      closed = true;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const v = buf.shift();
        if (v !== undefined) {
          yield v;
          continue;
        }
        if (closed) return;
        await new Promise<void>((r) => {
          wake = r;
        });
      }
    },
  };
}
