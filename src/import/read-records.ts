import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import { VigieError } from '../core/errors.ts';

/** One line (JSONL) or row (CSV) as received, with where it came from. */
export interface RawLine {
  /** Display name of the file (`-` for stdin). */
  file: string;
  /** Folder that relative image paths are resolved against. */
  baseDir: string;
  /** 1-based line number of the record's first line in the (decompressed) file. */
  line: number;
  /** The record exactly as received: the JSONL line, or the CSV row's text. */
  raw: string;
  /** Parsed value, or the parse error. */
  value?: unknown;
  parseError?: string;
}

const EXT = /\.(jsonl|ndjson|json|csv)(\.gz)?$/i;

/** Expands files and folders (recursively, sorted) into the list of files to read; `-` is stdin. */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(p);
    } catch {
      throw new VigieError('invalid_input', `${p}: no such file or folder`);
    }
    if (st.isDirectory()) {
      const entries = (await readdir(p, { recursive: true })).map(String).sort();
      for (const e of entries) {
        if (!EXT.test(e)) continue;
        const full = join(p, e);
        if ((await stat(full)).isFile()) out.push(full);
      }
    } else {
      out.push(p);
    }
  }
  return out;
}

/** Reads the first chunk of a stream and returns it with a stream that yields it again, then the rest. */
async function peek(src: Readable): Promise<{ head: Buffer | null; stream: Readable }> {
  const it = src[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return { head: null, stream: Readable.from([]) };
  const head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value);
  async function* again() {
    yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { head, stream: Readable.from(again(), { objectMode: false }) };
}

/** Opens a file or stdin as a byte stream, un-gzipping when the content starts with gzip's magic bytes. */
async function openText(file: string, stdin: Readable): Promise<{ head: Buffer | null; stream: Readable }> {
  const src = file === '-' ? stdin : createReadStream(file);
  const raw = await peek(src);
  if (!raw.head || raw.head.length < 2 || raw.head[0] !== 0x1f || raw.head[1] !== 0x8b) return raw;
  const gunzip = createGunzip();
  raw.stream.once('error', (e: Error) => gunzip.destroy(e));
  gunzip.once('error', (e: Error) => {
    if (!(e instanceof VigieError))
      gunzip.destroy(new VigieError('invalid_input', `${file}: bad gzip data: ${e.message}`));
  });
  return peek(raw.stream.pipe(gunzip));
}

function formatOf(file: string): 'jsonl' | 'csv' | 'sniff' {
  if (file === '-') return 'sniff';
  return /\.csv(\.gz)?$/i.test(file) ? 'csv' : 'jsonl';
}

/** Streams every record of one input, line by line, never loading the whole file. */
export async function* readRecords(file: string, stdin: Readable = process.stdin): AsyncGenerator<RawLine> {
  const display = file === '-' ? '-' : file;
  const baseDir = file === '-' ? process.cwd() : dirname(resolve(file));
  const { head, stream: text } = await openText(file, stdin);
  if (head === null) return;
  let format = formatOf(file);
  if (format === 'sniff') {
    // JSON objects start with '{'; anything else is taken for a CSV header.
    format = head.toString('utf8').trimStart().startsWith('{') ? 'jsonl' : 'csv';
  }
  if (format === 'csv') {
    yield* readCsv(text, display, baseDir);
    return;
  }
  const rl = createInterface({ input: text, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const l of rl) {
    line++;
    const raw = line === 1 && l.charCodeAt(0) === 0xfeff ? l.slice(1) : l;
    if (raw.trim() === '') continue;
    try {
      yield { file: display, baseDir, line, raw, value: JSON.parse(raw) };
    } catch (e) {
      yield { file: display, baseDir, line, raw, parseError: `invalid JSON: ${(e as Error).message}` };
    }
  }
}

async function* readCsv(text: Readable, file: string, baseDir: string): AsyncGenerator<RawLine> {
  const parser = text.pipe(
    parseCsv({
      columns: true,
      bom: true,
      raw: true,
      info: true,
      skip_empty_lines: true,
      relax_quotes: false,
    }),
  );
  try {
    for await (const rec of parser as AsyncIterable<{
      record: Record<string, string>;
      raw: string;
      info: { lines: number };
    }>) {
      const raw = rec.raw.replace(/\r?\n$/, '');
      // info.lines is where the record ends; a quoted cell may span lines, so count back to its first line.
      const line = rec.info.lines - (raw.split('\n').length - 1);
      yield { file, baseDir, line, raw, value: csvValue(rec.record) };
    }
  } catch (e) {
    const err = e as Error & { lines?: number };
    yield { file, baseDir, line: err.lines ?? 0, raw: '', parseError: `invalid CSV: ${err.message}` };
  }
}

/** Maps a CSV row to the record shape: empty cells are absent, `age` is a number, `images` a list. */
function csvValue(row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === '') continue;
    if (k === 'age') out[k] = /^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : v;
    else if (k === 'images')
      out[k] = v.trim().startsWith('[') ? safeJson(v) : v.split('|').map((s) => s.trim());
    else out[k] = v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Short name for messages. */
export function shortName(file: string): string {
  return file === '-' ? 'stdin' : basename(file);
}
