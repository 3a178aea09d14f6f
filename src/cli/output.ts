import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';

/** Writes lines to a file (`--out`) or stdout, respecting back-pressure; resolves when flushed. */
export async function writeLines(lines: AsyncIterable<string>, out?: string): Promise<number> {
  let stream: Writable = process.stdout;
  if (out) {
    await mkdir(dirname(out), { recursive: true });
    stream = createWriteStream(out);
  }
  let n = 0;
  for await (const l of lines) {
    if (!stream.write(`${l}\n`)) await new Promise((r) => stream.once('drain', r));
    n++;
  }
  if (out) await new Promise<void>((res, rej) => stream.end((e?: Error | null) => (e ? rej(e) : res())));
  return n;
}
