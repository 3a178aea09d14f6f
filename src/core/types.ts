/**
 * Vigie's domain vocabulary. Pure types: no runtime code, no imports from outside core.
 * Every stage (import, extraction, scoring, linking, server, web app) speaks these shapes.
 */

declare const brand: unique symbol;
/** A string of a given kind, so that ids and values of different kinds cannot be mixed up. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Numeric id of an ad in the store. */
export type AdId = Brand<number, 'AdId'>;
/** Network (cluster) id, stable across incremental updates where possible, e.g. `N000123`. */
export type ClusterId = Brand<string, 'ClusterId'>;
/** A phone number in E.164 form, e.g. `+33639980012`. */
export type E164 = Brand<string, 'E164'>;

/**
 * One ad record as received (import contract, documented in README.md).
 * `source` + `id` identify the ad within its site; any unknown field is kept in `extra`.
 */
export interface AdRecord {
  source: string;
  id: string;
  body: string;
  title?: string;
  url?: string;
  posted_at?: string;
  captured_at?: string;
  city?: string;
  phone?: string;
  age?: number;
  category?: string;
  /** Paths relative to the imported file, http(s) URLs or data URIs. */
  images?: string[];
  /** Fields outside the contract, kept verbatim. */
  extra?: Record<string, unknown>;
}

/** The text fields of an ad that extraction reads. Spans refer to these fields. */
export interface AdContent {
  title?: string;
  body: string;
  /** Structured fields given by the site, if any. */
  phone?: string;
  city?: string;
  age?: number;
  category?: string;
}

/** Which field of the ad a span lies in. */
export type TextField = 'title' | 'body' | 'phone' | 'city' | 'age';

/** A half-open [start, end) range of UTF-16 code units in the original (un-normalised) field text. */
export interface Span {
  field: TextField;
  start: number;
  end: number;
}

/** How a phone number was written: lets scoring tell an obscured contact from a plain one. */
export type PhoneStyle =
  | 'plain'
  | 'spaced'
  | 'international'
  | 'spelled_fr'
  | 'spelled_en'
  | 'spelled_es'
  | 'mixed_words_digits'
  | 'lookalike_letters'
  | 'separated_symbols'
  | 'emoji_digits'
  | 'fullwidth_or_math'
  | 'split_lines'
  | 'structured_field'
  | 'other_obfuscation';

export interface PhoneEntity {
  e164: E164;
  /** ISO 3166-1 alpha-2 region of the number (FR, BE, …). */
  country: string;
  type: 'mobile' | 'fixed' | 'voip' | 'other';
  /** Whether the number was disguised in the text (anything but plain digits with spaces/dots). */
  obfuscated: boolean;
  style: PhoneStyle;
  spans: Span[];
}

export interface EmailEntity {
  email: string;
  obfuscated: boolean;
  spans: Span[];
}

export type HandlePlatform =
  | 'snapchat'
  | 'instagram'
  | 'telegram'
  | 'whatsapp'
  | 'tiktok'
  | 'x'
  | 'onlyfans'
  | 'mym'
  | 'other';

export interface HandleEntity {
  platform: HandlePlatform;
  /** Lower-cased handle without leading `@`. For WhatsApp, the E.164 number when one is given. */
  handle: string;
  spans: Span[];
}

export interface AgeEntity {
  age: number;
  spans: Span[];
}

/** A French commune resolved from the gazetteer. */
export interface PlaceEntity {
  /** Canonical commune name (e.g. "Saint-Étienne", "Lyon"). */
  name: string;
  /** INSEE code of the commune (for arrondissements: the arrondissement's code). */
  insee: string;
  /** Département code ("69", "2A", "971"). */
  departement: string;
  postcode?: string;
  lat?: number;
  lon?: number;
  /** How it was found: a name, a postcode, a département number in context, the structured field. */
  via: 'name' | 'postcode' | 'departement' | 'field';
  spans: Span[];
}

export interface PriceEntity {
  amount: number;
  currency: 'EUR' | 'USD' | 'GBP' | 'CHF' | 'roses';
  /** Duration in minutes when stated ("la demi-heure" → 30). */
  minutes?: number;
  spans: Span[];
}

export interface NameEntity {
  name: string;
  spans: Span[];
}

/** Everything extracted from one ad. */
export interface Extraction {
  phones: PhoneEntity[];
  emails: EmailEntity[];
  handles: HandleEntity[];
  ages: AgeEntity[];
  places: PlaceEntity[];
  prices: PriceEntity[];
  names: NameEntity[];
  /** ISO 639-1 language code, or null when undetermined. */
  language: string | null;
}

export type IndicatorCategory =
  | 'minor'
  | 'control'
  | 'recruitment'
  | 'obscured_contact'
  | 'movement'
  | 'lodging'
  | 'trust'
  | 'ethnicity';

/** One explainable indicator hit: the web app highlights [start, end) of `field`. */
export interface IndicatorHit {
  code: string;
  category: IndicatorCategory;
  field: TextField;
  start: number;
  end: number;
  weight: number;
}

/** Risk scores in [0, 1]. */
export interface Scores {
  minor: number;
  control: number;
  recruitment: number;
}

/** The result of the pure analysis stage for one ad. */
export interface Analysis {
  extraction: Extraction;
  indicators: IndicatorHit[];
  scores: Scores;
  /** Version of the model (lexicons + weights) that produced the scores. */
  modelVersion: string;
}

/** Identifier kinds that can link ads together. */
export type IdentifierKind = 'phone' | 'email' | 'handle' | 'image';

/** A flat identifier, as stored for lookups: `handle` values are `platform:handle`, images their hash. */
export interface Identifier {
  kind: IdentifierKind;
  value: string;
}

/** One line of `vigie export ads` (the evaluation contract — names must not change). */
export interface AdExportLine {
  source: string;
  id: string;
  phones: string[];
  emails: string[];
  handles: { platform: string; handle: string }[];
  ages: number[];
  city: string | null;
  cluster: string | null;
  scores: Scores;
  indicators: { code: string; category: string; field: string; start: number; end: number }[];
  /** When the ad was seen deleted at its source (content kept), or null. */
  deleted_at?: string | null;
  /** The earlier ad this one reposts (same text under a new id), or null. */
  repost_of?: { source: string; id: string } | null;
  /** How many versions (edits) of the ad are stored. */
  versions?: number;
}

/** One line of the ground truth written by `vigie demo` (`truth.jsonl`). */
export interface TruthLine {
  source: string;
  id: string;
  phones: string[];
  emails: string[];
  handles: { platform: string; handle: string }[];
  persona: string | null;
  network: string | null;
  minor: boolean;
  controlled: boolean;
  recruitment: boolean;
  city: string | null;
}
