import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { activityScale, generateCorpus, recordLine, writeDemoCorpus } from './generate.ts';
import { isFictionNumber, isParseableFiction } from './phone-pool.ts';
import type { DemoTruthLine } from './types.ts';

function digest(ads: number, seed: number, images = true): string {
  const h = createHash('sha256');
  for (const g of generateCorpus({ ads, seed, images })) {
    h.update(recordLine(g.record));
    h.update(JSON.stringify(g.truth));
    for (const i of g.images) h.update(i.name).update(i.png);
  }
  return h.digest('hex');
}

/**
 * Every phone belongs to one owner (a network, or "noise" for other sellers) — except the two hub numbers
 * (helpline, site support) that many unrelated ads quote on purpose.
 */
function expectSingleOwners(lines: DemoTruthLine[]): void {
  const owners = new Map<string, Set<string>>();
  for (const t of lines)
    for (const p of t.phones) owners.set(p, (owners.get(p) ?? new Set()).add(t.network ?? 'noise'));
  const shared = [...owners.values()].filter((s) => s.size > 1);
  expect(shared.length).toBeLessThanOrEqual(2);
  for (const s of shared) expect(s.size).toBeGreaterThan(5);
}

const corpus = [...generateCorpus({ ads: 6000, seed: 42, images: false })];
const truth: DemoTruthLine[] = corpus.map((g) => g.truth);
const share = (f: (t: DemoTruthLine) => boolean) => truth.filter(f).length / truth.length;

describe('generateCorpus', () => {
  it('is deterministic: same seed, same bytes; another seed, other bytes', () => {
    expect(digest(800, 7)).toBe(digest(800, 7));
    expect(digest(800, 7)).not.toBe(digest(800, 8));
  });

  it('draws the same corpus with or without images', () => {
    const strip = (g: { record: object; truth: object }) => {
      const { images: _, ...rest } = g.record as { images?: string[] };
      return JSON.stringify([rest, g.truth]);
    };
    const withImages = [...generateCorpus({ ads: 1500, seed: 42 })].map(strip);
    expect(corpus.slice(0, 1500).map(strip)).toEqual(withImages);
  });

  it('yields exactly the requested number of ads, with unique (source, id)', () => {
    expect(corpus).toHaveLength(6000);
    const keys = new Set(corpus.map((g) => `${g.record.source}\u0000${g.record.id}`));
    expect(keys.size).toBe(6000);
    for (const g of corpus) {
      expect(g.truth.source).toBe(g.record.source);
      expect(g.truth.id).toBe(g.record.id);
    }
  });

  it('keeps the documented proportions', () => {
    const escort = share((t) => t.kind === 'independent' || t.kind === 'controlled');
    expect(escort).toBeGreaterThan(0.72);
    expect(escort).toBeLessThan(0.8);
    expect(share((t) => t.kind === 'independent') / escort).toBeGreaterThan(0.55);
    expect(share((t) => t.kind === 'independent') / escort).toBeLessThan(0.65);
    expect(share((t) => t.recruitment)).toBeGreaterThan(0.03);
    expect(share((t) => t.recruitment)).toBeLessThan(0.05);
    expect(share((t) => t.kind === 'noise')).toBeGreaterThan(0.17);
    expect(share((t) => t.minor)).toBeGreaterThan(0.04);
    expect(share((t) => t.lang === 'en')).toBeGreaterThan(0.08);
    expect(share((t) => t.lang === 'en')).toBeLessThan(0.24);
    const written = truth.flatMap((t) => t.phone_styles);
    const obfuscated = written.filter((s) => s.obfuscated).length / written.length;
    expect(obfuscated).toBeGreaterThan(0.3);
    expect(obfuscated).toBeLessThan(0.5);
    expect(new Set(written.map((s) => s.variant)).size).toBeGreaterThanOrEqual(16);
  });

  it('marks truth consistently: networks, minors, noise', () => {
    for (const t of truth) {
      if (t.kind === 'noise') expect(t.network).toBeNull();
      if (t.kind === 'independent') expect(t.network).toBe(`solo-${t.persona}`);
      if (t.kind === 'controlled') expect(t.network).toMatch(/^net-\d+$/);
      if (t.kind === 'recruitment') expect(t.network).toMatch(/^rec-\d+$/);
      if (t.minor) expect(t.kind).toBe('controlled');
      expect(t.controlled).toBe(t.kind === 'controlled');
    }
    // Networks move: most controlled networks visit ≥ 3 cities.
    const cities = new Map<string, Set<string>>();
    for (const t of truth)
      if (t.kind === 'controlled') cities.set(t.network!, (cities.get(t.network!) ?? new Set()).add(t.city!));
    const touring = [...cities.values()].filter((s) => s.size >= 3).length / cities.size;
    expect(touring).toBeGreaterThan(0.8);
  });

  it('uses only fiction numbers that libphonenumber can parse, each owned by one network', () => {
    for (const t of truth) {
      for (const p of t.phones) {
        expect(isFictionNumber(p)).toBe(true);
        expect(isParseableFiction(p)).toBe(true);
      }
    }
    expectSingleOwners(truth);
  });

  it('contains no number libphonenumber reads as a phone outside the fiction blocks', () => {
    const outside: string[] = [];
    let found = 0;
    for (const g of corpus) {
      const text = `${g.record.title}\n${g.record.body}\n${g.record.phone ?? ''}`;
      for (const f of findPhoneNumbersInText(text, 'FR')) {
        found++;
        if (!isFictionNumber(f.number.number))
          outside.push(`${f.number.number} in ${text.slice(f.startsAt - 30, f.endsAt + 10)}`);
      }
    }
    expect(outside).toEqual([]);
    // The scan does see numbers (the fixed fiction blocks and +44 20 7946 are valid for libphonenumber).
    expect(found).toBeGreaterThan(100);
  });

  it('names cities canonically (as @etalab/decoupage-administratif spells them) and mentions them', () => {
    const names = new Set((communes as { nom: string }[]).map((c) => c.nom));
    const strip = (s: string) =>
      s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[-\s]/g, '');
    let mentioned = 0;
    for (const g of corpus) {
      expect(names.has(g.truth.city!)).toBe(true);
      const text = strip(`${g.record.title} ${g.record.body} ${g.record.city ?? ''}`);
      const c = strip(g.truth.city!).replace(/^saint/, '');
      if (text.includes(c)) mentioned++;
    }
    // A few ads give only a postcode or a département-qualified abbreviation.
    expect(mentioned / corpus.length).toBeGreaterThan(0.95);
  });

  it('writes the true phones, emails and handles somewhere in the record', () => {
    for (const g of corpus.slice(0, 2000)) {
      const text = `${g.record.title}\n${g.record.body}\n${g.record.phone ?? ''}`;
      for (const h of g.truth.handles)
        if (h.platform !== 'whatsapp') expect(text.toLowerCase()).toContain(h.handle);
      for (const e of g.truth.emails) expect(text.toLowerCase()).toContain(e.split('@')[0]);
      if (g.truth.phones.length === 0) expect(g.truth.phone_styles).toHaveLength(0);
    }
  });

  it('grows activity instead of numbers for corpora larger than the fiction blocks allow', () => {
    expect(activityScale(6000)).toBe(1);
    expect(activityScale(1_000_000)).toBeGreaterThan(3);
    // With only 3,000 numbers available, 20,000 ads still fit and no number is given to two owners.
    const small = [...generateCorpus({ ads: 20_000, seed: 3, images: false, phoneLimit: 3000 })].map(
      (g) => g.truth,
    );
    const n = small.length;
    expectSingleOwners(small);
    expect(n).toBe(20_000);
  });
});

describe('writeDemoCorpus', () => {
  it('writes ads.jsonl, truth.jsonl and valid PNGs referenced by relative paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-demo-'));
    try {
      const r = await writeDemoCorpus(dir, { ads: 300, seed: 5 });
      expect(r.count).toBe(300);
      const ads = readFileSync(r.adsFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const tr = readFileSync(r.truthFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(ads).toHaveLength(300);
      expect(tr).toHaveLength(300);
      expect(ads[0].extra).toBeUndefined();
      const files = new Set(readdirSync(join(dir, 'images')));
      expect(files.size).toBe(r.images);
      let refs = 0;
      for (const a of ads) {
        for (const p of a.images ?? []) {
          refs++;
          expect(p).toMatch(/^images\/[\w.-]+\.png$/);
          expect(files.has(p.slice('images/'.length))).toBe(true);
        }
      }
      expect(refs).toBeGreaterThan(files.size); // images are reused across a persona's ads
      for (const f of [...files].slice(0, 50)) {
        const png = readFileSync(join(dir, 'images', f));
        expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('streams 100,000 ads without images', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-demo-big-'));
    try {
      const r = await writeDemoCorpus(dir, { ads: 100_000, seed: 11, images: false });
      expect(r.count).toBe(100_000);
      expect(r.images).toBe(0);
      expect(readFileSync(r.truthFile, 'utf8').trim().split('\n')).toHaveLength(100_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
