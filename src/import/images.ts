import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { StoredImage } from '../store/ad-writer.ts';

/** Perceptual hash and blurred thumbnail of image bytes (provided by src/images when available). */
export type ImageHasher = (bytes: Uint8Array) => Promise<{ phash: string | null; thumb: Uint8Array | null }>;

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * Hashes already computed in this run, by SHA-256: a persona's photos recur across its ads, and decoding
 * an image is by far the costliest step of an import. Bounded: the oldest entries go first.
 */
export class HashCache {
  private readonly map = new Map<string, { phash: string | null; thumb: Uint8Array | null }>();
  constructor(private readonly max = 5000) {}

  get(sha: string) {
    return this.map.get(sha);
  }

  set(sha: string, v: { phash: string | null; thumb: Uint8Array | null }) {
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(sha, v);
  }
}

/**
 * Reads the images of a record: local paths are resolved against the imported file's folder, data URIs are
 * decoded, http(s) URLs are recorded but not fetched (import is offline). Never throws: a problem becomes a
 * status and a warning.
 */
export async function readImages(
  refs: string[] | undefined,
  baseDir: string,
  hasher: ImageHasher | undefined,
  warn: (msg: string) => void,
  cache?: HashCache,
): Promise<StoredImage[]> {
  if (!refs || refs.length === 0) return [];
  const out: StoredImage[] = [];
  for (const ref of refs) {
    const shownRef = ref.startsWith('data:') ? `${ref.slice(0, 30)}…` : ref;
    if (/^https?:\/\//i.test(ref)) {
      out.push({ ref, sha256: null, phash: null, thumb: null, status: 'remote' });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = ref.startsWith('data:')
        ? decodeDataUri(ref)
        : await readFile(isAbsolute(ref) ? ref : resolve(baseDir, ref));
    } catch (e) {
      warn(
        `image ${shownRef}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message}`,
      );
      out.push({ ref: shownRef, sha256: null, phash: null, thumb: null, status: 'missing' });
      continue;
    }
    if (bytes.byteLength > MAX_IMAGE_BYTES) {
      warn(`image ${shownRef}: larger than ${MAX_IMAGE_BYTES} bytes, skipped`);
      out.push({ ref: shownRef, sha256: null, phash: null, thumb: null, status: 'invalid' });
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let phash: string | null = null;
    let thumb: Uint8Array | null = null;
    let status: StoredImage['status'] = 'ok';
    const known = cache?.get(sha256);
    if (known) ({ phash, thumb } = known);
    else if (hasher) {
      try {
        ({ phash, thumb } = await hasher(bytes));
        cache?.set(sha256, { phash, thumb });
      } catch (e) {
        warn(`image ${shownRef}: not a readable image (${(e as Error).message})`);
        status = 'invalid';
      }
    }
    out.push({ ref: ref.startsWith('data:') ? `data:sha256:${sha256}` : ref, sha256, phash, thumb, status });
  }
  return out;
}

function decodeDataUri(uri: string): Uint8Array {
  const comma = uri.indexOf(',');
  if (comma < 0) throw new Error('malformed data URI');
  const meta = uri.slice(5, comma);
  const data = uri.slice(comma + 1);
  return meta.endsWith(';base64')
    ? Buffer.from(data, 'base64')
    : Buffer.from(decodeURIComponent(data), 'utf8');
}
