import type { AdContent, AdRecord, Analysis, E164 } from '../core/types.ts';
import type { Analyzer } from '../import/import-runner.ts';

/** A synthetic ad record (fiction-range phone), with overrides. */
export function buildRecord(overrides: Partial<AdRecord> = {}): AdRecord {
  return {
    source: 'test-site.example',
    id: 'a1',
    title: 'Nouvelle à Lyon',
    body: 'Bonjour, disponible ce soir. Appelez le 06 39 98 12 34.',
    posted_at: '2026-10-01T10:00:00Z',
    ...overrides,
  };
}

/**
 * A deterministic analyzer for storage tests only: finds fiction-range phones written plainly. The real one
 * (core/analyze.ts) is tested on its own; storage tests must not depend on extraction quality.
 */
export function buildTestAnalyzer(): Analyzer {
  const one = (c: AdContent): Analysis => {
    const phones = [...`${c.title ?? ''} ${c.body}`.matchAll(/0([1-9])((?:[ .]?\d\d){4})/g)].map((m) => {
      const digits = m[0].replace(/\D/g, '');
      return {
        e164: `+33${digits.slice(1)}` as E164,
        country: 'FR',
        type: 'mobile' as const,
        obfuscated: false,
        style: 'plain' as const,
        spans: [{ field: 'body' as const, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }],
      };
    });
    return {
      extraction: {
        phones,
        emails: [],
        handles: [],
        ages: [],
        places: [],
        prices: [],
        names: [],
        language: null,
      },
      indicators: [],
      scores: { minor: 0, control: 0, recruitment: 0 },
      modelVersion: 'test',
    };
  };
  return { analyse: async (cs) => cs.map(one) };
}
