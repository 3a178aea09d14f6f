import { deflateSync } from 'node:zlib';
import type { Rng } from './prng.ts';

/** An RGB image, 3 bytes per pixel, row-major. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes an 8-bit RGB PNG. `level` changes the compressed bytes, not the pixels (a "re-encoded" copy). */
export function encodePng(img: RgbImage, level = 6): Uint8Array {
  const stride = img.width * 3;
  const raw = new Uint8Array((stride + 1) * img.height);
  for (let y = 0; y < img.height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(img.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, img.width);
  v.setUint32(4, img.height);
  ihdr.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, no filter, no interlace
  const idat = new Uint8Array(deflateSync(raw, { level }));
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array(0)),
  ];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const png = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    png.set(p, o);
    o += p.length;
  }
  return png;
}

/**
 * A synthetic picture: a two-colour gradient, a few discs and bars, light noise. Never a photo.
 * Different seeds give visibly different layouts, so perceptual hashes differ between personas.
 */
export function drawSynthetic(rng: Rng, size = 64): RgbImage {
  const data = new Uint8Array(size * size * 3);
  const c1 = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  const c2 = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  const angle = rng.next() * Math.PI * 2;
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const t = Math.min(1, Math.max(0, 0.5 + ((x / size - 0.5) * dx + (y / size - 0.5) * dy)));
      const o = (y * size + x) * 3;
      data[o] = c1[0]! + (c2[0]! - c1[0]!) * t;
      data[o + 1] = c1[1]! + (c2[1]! - c1[1]!) * t;
      data[o + 2] = c1[2]! + (c2[2]! - c1[2]!) * t;
    }
  }
  const shapes = rng.int(3, 7);
  for (let s = 0; s < shapes; s++) {
    const col = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
    const cx = rng.int(0, size - 1);
    const cy = rng.int(0, size - 1);
    const r = rng.int(Math.round(size / 10), Math.round(size / 3));
    const disc = rng.chance(0.6);
    for (let y = Math.max(0, cy - r); y < Math.min(size, cy + r); y++) {
      for (let x = Math.max(0, cx - r); x < Math.min(size, cx + r); x++) {
        if (disc && (x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
        const o = (y * size + x) * 3;
        for (let k = 0; k < 3; k++) data[o + k] = col[k]!;
      }
    }
  }
  // Light sensor-like noise from an inline xorshift (one generator call per pixel would dominate the cost).
  let x = rng.int(1, 0x7fffffff);
  for (let i = 0; i < data.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const v = data[i]! + ((x >>> 0) % 13) - 6;
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return { width: size, height: size, data };
}

/** Bilinear resize. */
export function resize(img: RgbImage, width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sy = ((y + 0.5) * img.height) / height - 0.5;
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(img.height - 1, y0 + 1);
    const fy = Math.max(0, sy - y0);
    for (let x = 0; x < width; x++) {
      const sx = ((x + 0.5) * img.width) / width - 0.5;
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(img.width - 1, x0 + 1);
      const fx = Math.max(0, sx - x0);
      for (let k = 0; k < 3; k++) {
        const a = img.data[(y0 * img.width + x0) * 3 + k]!;
        const b = img.data[(y0 * img.width + x1) * 3 + k]!;
        const c = img.data[(y1 * img.width + x0) * 3 + k]!;
        const d = img.data[(y1 * img.width + x1) * 3 + k]!;
        data[(y * width + x) * 3 + k] = Math.round(
          (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy,
        );
      }
    }
  }
  return { width, height, data };
}

/** Crops `m` pixels from each border. */
export function crop(img: RgbImage, m: number): RgbImage {
  const width = img.width - 2 * m;
  const height = img.height - 2 * m;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    data.set(
      img.data.subarray(((y + m) * img.width + m) * 3, ((y + m) * img.width + m + width) * 3),
      y * width * 3,
    );
  }
  return { width, height, data };
}

export type ImageVariant = 'reencoded' | 'resized' | 'cropped';

/** A near-copy of `img` as sites produce it: same pixels re-compressed, resized, or slightly cropped. */
export function variantPng(img: RgbImage, variant: ImageVariant, rng: Rng): Uint8Array {
  if (variant === 'reencoded') return encodePng(img, rng.pick([1, 3, 9]));
  if (variant === 'resized') {
    const s = rng.pick([48, 56, 72, 80]);
    return encodePng(resize(img, s, s));
  }
  return encodePng(crop(img, rng.int(1, 2)));
}
