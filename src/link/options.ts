/**
 * Options of the link runner (incremental and rebuild), and the shared MinHash hasher.
 */
import { DEFAULT_LINK_OPTIONS, type LinkOptions, type LinkSignals } from '../core/link/link-ads.ts';
import { type MinHashOptions, type MinHasher, createMinHasher } from '../core/link/minhash.ts';

export interface LinkRunOptions extends LinkOptions {
  minhash: MinHashOptions;
  /** Text candidates verified per new ad (those sharing most band keys first). Default 200. */
  textCandidates: number;
  /** Clock, for tests. */
  now: () => Date;
}

export function resolveLinkOptions(o: Partial<LinkRunOptions> = {}): LinkRunOptions {
  return {
    ...DEFAULT_LINK_OPTIONS,
    minhash: {},
    textCandidates: 200,
    now: () => new Date(),
    ...o,
  };
}

export const SIGNAL_NAMES: (keyof LinkSignals)[] = [
  'phone',
  'email',
  'handle',
  'image',
  'text',
  'persona',
  'travel',
  'split',
  'hubs',
];

/** Parse `--without text,image` style lists into signal switches. Throws on unknown names. */
export function signalsWithout(list: string | undefined): Partial<LinkSignals> {
  const out: Partial<LinkSignals> = {};
  for (const raw of (list ?? '').split(',')) {
    const s = raw.trim();
    if (!s) continue;
    if (!SIGNAL_NAMES.includes(s as keyof LinkSignals)) {
      throw new RangeError(`unknown signal "${s}" (known: ${SIGNAL_NAMES.join(', ')})`);
    }
    out[s as keyof LinkSignals] = false;
  }
  return out;
}

const hashers = new Map<string, Promise<MinHasher>>();

/** One hasher per MinHash configuration for the process (xxhash-wasm initialises once). */
export function hasherFor(o: MinHashOptions): Promise<MinHasher> {
  const key = JSON.stringify(o);
  let h = hashers.get(key);
  if (!h) {
    h = createMinHasher(o);
    hashers.set(key, h);
  }
  return h;
}
