/** Groups link evidence by kind, strongest kinds first (identifiers before text similarity). */
const ORDER = [
  'phone',
  'shared_phone',
  'email',
  'shared_email',
  'handle',
  'shared_handle',
  'image',
  'shared_image',
  'persona',
  'text',
];

export function groupReasons<
  T extends { kind: string; weight?: number | null; a?: number | null; b?: number | null; reason?: string },
>(links: readonly T[]): { kind: string; items: T[] }[] {
  const m = new Map<string, T[]>();
  const seen = new Set<string>();
  for (const l of links) {
    // The same evidence may be reported twice (both directions, or by two stages): keep it once.
    const id = `${Math.min(l.a ?? -1, l.b ?? -1)}|${Math.max(l.a ?? -1, l.b ?? -1)}|${l.kind}|${l.reason ?? ''}`;
    if (l.reason !== undefined) {
      if (seen.has(id)) continue;
      seen.add(id);
    }
    const list = m.get(l.kind);
    if (list) list.push(l);
    else m.set(l.kind, [l]);
  }
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return [...m.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
    .map(([kind, items]) => ({ kind, items: [...items].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0)) }));
}
