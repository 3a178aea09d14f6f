/** Display formatting shared by every screen; locale-aware, never throws on bad input. */
import type { Lang } from './i18n.ts';

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

function toDate(v: string | number | Date | null | undefined): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "23/11/2026 14:05" (UTC, since evidence times are compared across units). */
export function formatDateTime(v: string | number | Date | null | undefined, lang: Lang): string {
  const d = toDate(v);
  if (!d) return '—';
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(d);
}

/** "23/11/2026" (UTC). */
export function formatDate(v: string | number | Date | null | undefined, lang: Lang): string {
  const d = toDate(v);
  if (!d) return '—';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'short', timeZone: 'UTC' }).format(d);
}

/** Thousands separators per language. */
export function formatNumber(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** 0.4567 → "46 %" / "46%". */
export function formatPercent(x: number | null | undefined, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(x);
}

/** A score in [0, 1] as a level used for colours: high ≥ 0.7, medium ≥ 0.4, else low. */
export function scoreLevel(x: number): 'high' | 'medium' | 'low' {
  if (x >= 0.7) return 'high';
  if (x >= 0.4) return 'medium';
  return 'low';
}

/** The risk used for ranking when the API gives only the three scores. */
export function riskOf(s: { minor: number; control: number; recruitment: number }): number {
  return Math.max(s.minor, s.control, s.recruitment);
}

/** A SHA-256 shortened for tables ("3fa2…9c1d"); the full value stays in the title/tooltip. */
export function shortHash(h: string | null | undefined): string {
  if (!h) return '—';
  return h.length <= 16 ? h : `${h.slice(0, 8)}…${h.slice(-8)}`;
}

/** Truncates on a code point boundary with an ellipsis. */
export function truncate(s: string | null | undefined, max: number): string {
  if (!s) return '';
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** "+33639980012" → "+33 6 39 98 00 12" for French numbers; others unchanged. */
export function formatPhone(e164: string): string {
  const m = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+33 ${m.slice(1).join(' ')}` : e164;
}
