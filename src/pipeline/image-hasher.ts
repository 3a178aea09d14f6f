import type { ImageHasher } from '../import/images.ts';
import { hashImage } from '../images/phash.ts';

/** The perceptual hasher and blurred thumbnailer used on import (sharp + sharp-phash). */
export const imageHasher: ImageHasher = async (bytes) => {
  const h = await hashImage(bytes);
  return { phash: h.phash, thumb: h.thumb };
};
