import { type DemoEmail, type DemoHandle, type DemoPlatform, makeEmail, makeHandle } from './contacts.ts';
import type { EscortLexicon } from './data/lexicon-types.ts';
import { FR } from './data/lexicon-fr.ts';
import { EN, ES, RO } from './data/lexicon-other.ts';
import { type FictionPhone, PhonePool } from './phone-pool.ts';
import { type WrittenPhone, pickVariant, writePhone } from './phone-styles.ts';
import { type ImageVariant, drawSynthetic, encodePng, variantPng } from './png.ts';
import { Rng } from './prng.ts';
import type { ImageRef, TruthPhoneStyle } from './types.ts';

export const DAY_MS = 86_400_000;
export const LEXICONS: Record<string, EscortLexicon> = { fr: FR, en: EN, es: ES, ro: RO };

/** State shared by all blocks of one corpus: global counters and the phone pool (deterministic order). */
export class World {
  readonly pool: PhonePool;
  readonly startMs: number;
  readonly days = 182;
  private personaSeq = 0;
  private networkSeq = 0;
  private recruiterSeq = 0;
  /** Site support numbers and a helpline, quoted in a few ads: hubs that linking must not follow. */
  readonly hubPhones: FictionPhone[];
  private readonly stock: ImageRef[];

  constructor(
    readonly seed: number,
    startDate: string,
    readonly withImages: boolean,
    /** Ads-per-actor multiplier keeping large corpora inside the fiction number blocks. */
    readonly scale: number,
    phoneLimit?: number,
  ) {
    this.pool = new PhonePool(phoneLimit);
    this.startMs = Date.parse(startDate);
    this.hubPhones = [this.pool.fixed(), this.pool.fixed()];
    this.stock = Array.from({ length: 8 }, (_, k) => {
      const name = `stock-${k + 1}.png`;
      return { name, make: () => encodePng(drawSynthetic(Rng.derive(seed, 0x570c, k))) };
    });
  }

  nextPersonaIndex(): number {
    return ++this.personaSeq;
  }

  nextNetworkId(): string {
    return `net-${String(++this.networkSeq).padStart(5, '0')}`;
  }

  nextRecruiterId(): string {
    return `rec-${String(++this.recruiterSeq).padStart(5, '0')}`;
  }

  stockImage(rng: Rng): ImageRef {
    return rng.pick(this.stock);
  }
}

export interface Persona {
  id: string;
  index: number;
  name: string;
  lang: string;
  lex: EscortLexicon;
  email: DemoEmail | null;
  handles: DemoHandle[];
  /** Base images (seeds): the persona's "photos", reused across her ads. */
  imageSeeds: number[];
  /** A stock image this persona also uses, if any. */
  stock: ImageRef | null;
}

export function pickLang(rng: Rng, weights: readonly number[] = [0.82, 0.14, 0.02, 0.02]): string {
  return rng.weighted(['fr', 'en', 'es', 'ro'], weights);
}

export function newPersona(
  w: World,
  rng: Rng,
  lang: string,
  opts: { email: number; handle: number; images: [number, number] },
): Persona {
  const index = w.nextPersonaIndex();
  const lex = LEXICONS[lang]!;
  const name = rng.pick(lex.names);
  const handles: DemoHandle[] = [];
  if (rng.chance(opts.handle)) {
    const platform = rng.weighted<DemoPlatform>(
      ['snapchat', 'instagram', 'telegram', 'tiktok'],
      [4, 2, 2, 0.5],
    );
    handles.push(makeHandle(name, index, platform, rng));
  }
  return {
    id: `p${String(index).padStart(6, '0')}`,
    index,
    name,
    lang,
    lex,
    email: rng.chance(opts.email) ? makeEmail(name, index, rng) : null,
    handles,
    imageSeeds: Array.from({ length: rng.int(opts.images[0], opts.images[1]) }, () => rng.int(0, 2 ** 31)),
    stock: rng.chance(0.05) ? w.stockImage(rng) : null,
  };
}

const VARIANTS: ImageVariant[] = ['reencoded', 'resized', 'cropped'];

/** The images of one ad: 1–3 of the persona's pictures, sometimes a re-encoded/resized/cropped copy. */
export function personaImages(w: World, p: Persona, rng: Rng, extra: ImageRef | null = null): ImageRef[] {
  // Random draws happen with or without images, so a corpus differs only by its pictures.
  if (p.imageSeeds.length === 0) return [];
  const k = Math.min(p.imageSeeds.length, rng.int(1, 3));
  const picks = [
    0,
    ...rng.sample(
      p.imageSeeds.slice(1).map((_, i) => i + 1),
      k - 1,
    ),
  ];
  const refs = picks.map((i): ImageRef => {
    const seed = p.imageSeeds[i]!;
    if (rng.chance(0.12)) {
      const v = rng.pick(VARIANTS);
      const vs = rng.int(0, 1);
      return {
        name: `${p.id}-${i + 1}-${v}${vs}.png`,
        make: () => variantPng(drawSynthetic(new Rng(seed)), v, Rng.derive(seed, vs)),
      };
    }
    return { name: `${p.id}-${i + 1}.png`, make: () => encodePng(drawSynthetic(new Rng(seed))) };
  });
  if (p.stock && rng.chance(0.7)) refs.push(p.stock);
  if (extra) refs.push(extra);
  return w.withImages ? refs : [];
}

/** How a persona (or controller) writes phones: a preferred variant per class, kept 70% of the time. */
export class PhoneHabit {
  private readonly plain: string;
  private readonly obf: string;

  constructor(
    rng: Rng,
    readonly obfuscationRate: number,
    readonly lang: string,
  ) {
    this.plain = pickVariant(rng, false, lang);
    this.obf = pickVariant(rng, true, lang);
  }

  write(phone: FictionPhone, rng: Rng): WrittenPhone {
    const obfuscate = rng.chance(this.obfuscationRate);
    let variant = obfuscate ? this.obf : this.plain;
    if (rng.chance(0.3)) variant = pickVariant(rng, obfuscate, this.lang);
    return writePhone(phone, variant, rng);
  }
}

export function styleOf(phone: FictionPhone, written: WrittenPhone): TruthPhoneStyle {
  return { e164: phone.e164, variant: written.variant, style: written.style, obfuscated: written.obfuscated };
}
