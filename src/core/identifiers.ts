import type { Extraction, Identifier } from './types.ts';

/** The flat identifiers of an extraction, as stored for lookups and linking (deduplicated). */
export function identifiersOf(x: Extraction, imageHashes: readonly string[] = []): Identifier[] {
  const seen = new Set<string>();
  const out: Identifier[] = [];
  const add = (kind: Identifier['kind'], value: string) => {
    const key = `${kind}\u0000${value}`;
    if (value.length === 0 || seen.has(key)) return;
    seen.add(key);
    out.push({ kind, value });
  };
  for (const p of x.phones) add('phone', p.e164);
  for (const e of x.emails) add('email', e.email.toLowerCase());
  for (const h of x.handles) add('handle', `${h.platform}:${h.handle.toLowerCase()}`);
  for (const h of imageHashes) add('image', h);
  return out;
}
