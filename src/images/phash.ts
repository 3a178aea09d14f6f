/**
 * Image fingerprints (node side): SHA-256 of the bytes, a 64-bit perceptual hash (sharp-phash, as 16 hex
 * digits) and a small blurred thumbnail the analyst can look at without being exposed to the original.
 * Originals are returned only when `keepOriginal` is set (the store keeps them only where configured).
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { dctPhashBits } from './dct-phash.ts';
import { bitsToHex } from '../core/link/image-match.ts';

export { DEFAULT_IMAGE_MAX_DISTANCE, hamming, phashBandKeys } from '../core/link/image-match.ts';

export interface ImageHashOptions {
  /** Longest side of the thumbnail, px. Default 96. */
  thumbSize: number;
  /** Gaussian blur sigma applied to the thumbnail. Default 6. */
  blurSigma: number;
  /** Return the original bytes too. Default false. */
  keepOriginal: boolean;
}

export const DEFAULT_IMAGE_HASH_OPTIONS: ImageHashOptions = {
  thumbSize: 96,
  blurSigma: 6,
  keepOriginal: false,
};

export interface ImageHash {
  sha256: string;
  /** 64-bit pHash as 16 hex digits. */
  phash: string;
  /** Blurred WebP thumbnail. */
  thumb: Uint8Array;
  thumbType: 'image/webp';
  width: number;
  height: number;
  original?: Uint8Array;
}

/** SHA-256 (hex) of bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * 64-bit pHash (16 hex digits) of image bytes: sharp-phash's algorithm, computed by dctPhashBits (same bits,
 * about 80× less arithmetic). Throws on undecodable input.
 */
export async function perceptualHash(bytes: Uint8Array): Promise<string> {
  return bitsToHex(await dctPhashBits(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
}

/** Fingerprint image bytes: SHA-256, pHash and a blurred thumbnail. Throws on undecodable input. */
export async function hashImage(
  bytes: Uint8Array,
  options: Partial<ImageHashOptions> = {},
): Promise<ImageHash> {
  const o = { ...DEFAULT_IMAGE_HASH_OPTIONS, ...options };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const meta = await sharp(buf).metadata();
  const [phash, thumb] = await Promise.all([
    perceptualHash(bytes),
    sharp(buf)
      .rotate()
      .resize(o.thumbSize, o.thumbSize, { fit: 'inside', withoutEnlargement: true })
      .blur(o.blurSigma)
      .webp({ quality: 60 })
      .toBuffer(),
  ]);
  const out: ImageHash = {
    sha256: sha256Hex(bytes),
    phash,
    thumb: new Uint8Array(thumb),
    thumbType: 'image/webp',
    width: meta.width ?? 0,
    height: meta.height ?? 0,
  };
  if (o.keepOriginal) out.original = new Uint8Array(bytes);
  return out;
}
