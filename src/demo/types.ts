import type { PhoneStyle, TruthLine } from '../core/types.ts';

export type DemoKind = 'independent' | 'controlled' | 'recruitment' | 'noise';

/** How one truth phone was written in the ad (for per-style evaluation). */
export interface TruthPhoneStyle {
  e164: string;
  variant: string;
  style: PhoneStyle;
  obfuscated: boolean;
}

/**
 * A ground-truth line: the contract's `TruthLine` plus demo-only fields that evaluation may ignore
 * (`kind`, `lang`, `stated_age`, `phone_styles`).
 */
export interface DemoTruthLine extends TruthLine {
  kind: DemoKind;
  lang: string;
  stated_age: number | null;
  phone_styles: TruthPhoneStyle[];
}

/** A PNG the corpus references; `make` renders it only when it is written for the first time. */
export interface ImageRef {
  name: string;
  make: () => Uint8Array;
}

/** An ad planned inside a block, before it gets its site id. */
export interface PlannedAd {
  t: number;
  sourceIdx: number;
  category: string;
  title: string;
  body: string;
  phoneField?: string;
  ageField?: number;
  cityField?: string;
  images: ImageRef[];
  truth: Omit<DemoTruthLine, 'source' | 'id'>;
}
