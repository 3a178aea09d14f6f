/** Sentences explaining an indicator hit, from the dictionaries (code-specific when known, else by category). */
import type { SpanHit } from './spans.ts';

export function explainHit(h: SpanHit, t: (k: string) => string): string {
  const byCode = `indicator.${h.code}`;
  const specific = t(byCode);
  const category = t(`category.${h.category}`);
  if (specific !== byCode) return `${category} — ${specific}`;
  const help = `categoryHelp.${h.category}`;
  const general = t(help);
  return general !== help ? `${category} (${h.code}) — ${general}` : `${category} (${h.code})`;
}
