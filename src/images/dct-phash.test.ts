import sharp from 'sharp';
import phash from 'sharp-phash';
import { describe, expect, it } from 'vitest';
import { dctPhashBits } from './dct-phash.ts';

/** Synthetic test images: gradients, blocks and noise from a seeded generator (no photos). */
async function synthetic(seed: number): Promise<Buffer> {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
  const w = 40 + Math.floor(rnd() * 60);
  const h = 40 + Math.floor(rnd() * 60);
  const px = Buffer.alloc(w * h * 3);
  const bx = Math.floor(rnd() * w);
  const by = Math.floor(rnd() * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      const block = x < bx && y < by ? 120 : 0;
      px[o] = (x * 255) / w + block * rnd();
      px[o + 1] = (y * 255) / h;
      px[o + 2] = rnd() * 255;
    }
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } })
    .png()
    .toBuffer();
}

describe('dctPhashBits', () => {
  it('gives the same bits as sharp-phash on varied synthetic images', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const img = await synthetic(seed);
      const ref = await (phash as unknown as (b: Buffer) => Promise<string>)(img);
      expect(await dctPhashBits(img)).toBe(ref);
    }
  });
});
