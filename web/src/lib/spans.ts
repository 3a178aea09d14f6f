/**
 * Indicator span highlighting: turns a field's text and possibly overlapping indicator hits into a flat
 * list of non-overlapping segments, each carrying every hit that covers it (so a tooltip can explain all).
 */

/** A hit as the API gives it: a half-open [start, end) range of UTF-16 code units in one field. */
export interface SpanHit {
  code: string;
  category: string;
  field: string;
  start: number;
  end: number;
  weight?: number;
}

/** One piece of text; `hits` is empty for plain text. */
export interface Segment {
  text: string;
  start: number;
  end: number;
  hits: SpanHit[];
}

/**
 * Splits `text` at every hit boundary. Hits outside the text are clamped; empty or inverted hits are
 * ignored. Runs in O((n + k) log k) for k hits — safe for hostile input.
 */
export function segmentText(text: string, hits: readonly SpanHit[]): Segment[] {
  const len = text.length;
  const valid = hits
    .map((h) => ({
      ...h,
      start: Math.max(0, Math.min(len, h.start)),
      end: Math.max(0, Math.min(len, h.end)),
    }))
    .filter((h) => h.end > h.start);
  const cuts = new Set<number>([0, len]);
  for (const h of valid) {
    cuts.add(h.start);
    cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let active: SpanHit[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    active = active.filter((h) => h.end > s);
    while (next < byStart.length && byStart[next]!.start <= s) {
      if (byStart[next]!.end > s) active.push(byStart[next]!);
      next++;
    }
    const seg: Segment = { text: text.slice(s, e), start: s, end: e, hits: [...active] };
    const prev = segments[segments.length - 1];
    // Adjacent segments covered by exactly the same hits are one visual mark.
    if (prev && sameHits(prev.hits, seg.hits)) {
      prev.text += seg.text;
      prev.end = e;
    } else segments.push(seg);
  }
  return segments;
}

function sameHits(a: readonly SpanHit[], b: readonly SpanHit[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((h) => b.includes(h));
}

/** The hits of one field only. */
export function hitsForField(hits: readonly SpanHit[], field: string): SpanHit[] {
  return hits.filter((h) => h.field === field);
}

/** The category that colours a segment: the heaviest hit wins, ties go to the first. */
export function dominantCategory(hits: readonly SpanHit[]): string | null {
  let best: SpanHit | null = null;
  for (const h of hits) if (!best || (h.weight ?? 0) > (best.weight ?? 0)) best = h;
  return best ? best.category : null;
}
