/** Look-ups in the seeded store that the browser tests need as ground truth. */
import type { Analysis } from '../src/core/types.ts';
import type { Backend } from '../src/store/database.ts';

/** An ad whose phone is disguised in its text, with the text exactly as written there. */
export async function findObfuscatedPhone(
  b: Backend,
): Promise<{ adId: number; e164: string; written: string } | null> {
  const rows = await b.db.selectFrom('ads').select(['id', 'title', 'body', 'analysis']).limit(3000).execute();
  for (const r of rows) {
    if (!r.analysis) continue;
    const a = JSON.parse(r.analysis) as Analysis;
    for (const p of a.extraction.phones) {
      if (!p.obfuscated || p.spans.length !== 1) continue;
      const s = p.spans[0]!;
      const text = s.field === 'body' ? r.body : s.field === 'title' ? r.title : null;
      const written = text?.slice(s.start, s.end).trim();
      // A written form with letters for digits ("zéro six…", "O6…") is the interesting case.
      if (written && /\p{L}/u.test(written) && written.length <= 120)
        return { adId: r.id, e164: p.e164, written };
    }
  }
  return null;
}
