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

export function groupReasons<T extends { kind: string; weight?: number | null }>(
  links: readonly T[],
): { kind: string; items: T[] }[] {
  const m = new Map<string, T[]>();
  for (const l of links) {
    const list = m.get(l.kind);
    if (list) list.push(l);
    else m.set(l.kind, [l]);
  }
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return [...m.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
    .map(([kind, items]) => ({ kind, items: [...items].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0)) }));
}
