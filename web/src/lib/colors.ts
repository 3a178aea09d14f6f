/** Colours shared by graph, charts and maps (colour-blind-safe Okabe–Ito based palette). */
export const KIND_COLORS: Record<string, string> = {
  phone: '#0072b2',
  email: '#009e73',
  handle: '#cc79a7',
  image: '#e69f00',
  persona: '#56b4e9',
  ad: '#6b7280',
};

export const SERIES = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#4b5563',
  '#8c564b',
  '#17becf',
];

/** A stable colour for a name (city), so the timeline and the map agree. */
export function colorFor(name: string, palette: readonly string[] = SERIES): string {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return palette[Math.abs(h) % palette.length]!;
}
