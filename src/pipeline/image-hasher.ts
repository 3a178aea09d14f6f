import type { ImageHasher } from '../import/images.ts';

/**
 * The perceptual hasher and thumbnailer from src/images (sharp), or undefined when it cannot load
 * (then images are stored with their SHA-256 only).
 */
export async function loadImageHasher(): Promise<ImageHasher | undefined> {
  try {
    const m = (await import(new URL('../images/phash.ts', import.meta.url).href)) as {
      hashImage?: (bytes: Uint8Array) => Promise<{ phash: string | null; thumb: Uint8Array | null }>;
    };
    return m.hashImage;
  } catch {
    return undefined;
  }
}
