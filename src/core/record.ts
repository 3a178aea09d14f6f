import type { AdRecord } from './types.ts';

/** Limits on received fields: anything longer is rejected, never truncated (evidence stays exact). */
export const FIELD_LIMITS = {
  source: 200,
  id: 200,
  title: 1_000,
  body: 100_000,
  url: 4_096,
  city: 200,
  phone: 200,
  category: 200,
  image: 4_000_000,
  images: 50,
} as const;

const KNOWN = new Set([
  'source',
  'id',
  'body',
  'title',
  'url',
  'posted_at',
  'captured_at',
  'city',
  'phone',
  'age',
  'category',
  'images',
]);

/** Why a record was refused: the field at fault and a reason a person can act on. */
export interface RecordProblem {
  field: string;
  reason: string;
}

export type ParsedRecord = { ok: true; record: AdRecord } | { ok: false; problem: RecordProblem };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an ISO-8601 date or date-time; returns the UTC ISO string or null when invalid. */
export function parseIsoDate(s: string): string | null {
  if (s.length > 40 || !ISO_DATE.test(s)) return null;
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s.replace(' ', 'T'));
  if (Number.isNaN(t)) return null;
  // Reject dates Date.parse rolls over (2024-02-31 → March).
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return new Date(t).toISOString();
}

function fail(field: string, reason: string): ParsedRecord {
  return { ok: false, problem: { field, reason } };
}

function text(
  obj: Record<string, unknown>,
  field: keyof typeof FIELD_LIMITS,
  required: boolean,
): string | undefined | RecordProblem {
  const v = obj[field];
  if (v === undefined || v === null || v === '') {
    return required ? { field, reason: 'is required' } : undefined;
  }
  if (typeof v !== 'string') return { field, reason: `must be a string, got ${typeName(v)}` };
  if (v.length > FIELD_LIMITS[field]) {
    return { field, reason: `is too long (${v.length} characters, at most ${FIELD_LIMITS[field]})` };
  }
  return v;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function isProblem(v: unknown): v is RecordProblem {
  return typeof v === 'object' && v !== null && 'reason' in v;
}

/**
 * Validates one received object against the import contract. Pure: the caller adds file and line.
 * Unknown fields are kept verbatim in `extra`.
 */
export function parseAdRecord(value: unknown): ParsedRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('(record)', `must be a JSON object, got ${typeName(value)}`);
  }
  const obj = value as Record<string, unknown>;
  if (typeof obj.id === 'number' && Number.isSafeInteger(obj.id)) obj.id = String(obj.id);
  const out: Partial<AdRecord> = {};
  for (const [field, required] of [
    ['source', true],
    ['id', true],
    ['body', true],
    ['title', false],
    ['url', false],
    ['city', false],
    ['phone', false],
    ['category', false],
  ] as const) {
    const v = text(obj, field, required);
    if (isProblem(v)) return fail(v.field, v.reason);
    if (v !== undefined) out[field] = v;
  }
  for (const field of ['posted_at', 'captured_at'] as const) {
    const v = obj[field];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') return fail(field, `must be an ISO 8601 date string, got ${typeName(v)}`);
    if (parseIsoDate(v) === null)
      return fail(field, `is not a valid ISO 8601 date: ${JSON.stringify(v.slice(0, 40))}`);
    out[field] = v;
  }
  if (obj.age !== undefined && obj.age !== null && obj.age !== '') {
    const a = obj.age;
    if (typeof a !== 'number' || !Number.isInteger(a))
      return fail('age', `must be a whole number, got ${typeName(a)}`);
    if (a < 0 || a > 120) return fail('age', `is out of range (${a})`);
    out.age = a;
  }
  if (obj.images !== undefined && obj.images !== null) {
    const imgs = obj.images;
    if (!Array.isArray(imgs)) return fail('images', `must be an array of strings, got ${typeName(imgs)}`);
    if (imgs.length > FIELD_LIMITS.images)
      return fail('images', `has too many entries (${imgs.length}, at most ${FIELD_LIMITS.images})`);
    for (let i = 0; i < imgs.length; i++) {
      const s = imgs[i];
      if (typeof s !== 'string' || s.length === 0)
        return fail(`images[${i}]`, `must be a non-empty string, got ${typeName(s)}`);
      if (s.length > FIELD_LIMITS.image) return fail(`images[${i}]`, 'is too long');
    }
    out.images = imgs as string[];
  }
  const extra: Record<string, unknown> = {};
  let hasExtra = false;
  for (const k of Object.keys(obj)) {
    if (!KNOWN.has(k)) {
      extra[k] = obj[k];
      hasExtra = true;
    }
  }
  if (hasExtra) out.extra = extra;
  return { ok: true, record: out as AdRecord };
}

/**
 * The canonical content of a record: what decides "same ad, unchanged" versus "a new version".
 * `captured_at` is excluded (the same content seen again is not an edit); keys are sorted.
 */
export function canonicalContent(r: AdRecord): string {
  const { captured_at: _ignored, ...rest } = r;
  return stableStringify(rest);
}

/** JSON with object keys sorted at every depth, so equal values give equal strings. */
export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`).join(',')}}`;
}
