import { parseIsoDate } from '../core/record.ts';
import { foldForSearch as fold } from '../core/normalize/normalize.ts';
import type { DateSpec } from './adapter-schema.ts';

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  january: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  feb: 2,
  february: 2,
  mars: 3,
  mar: 3,
  march: 3,
  avril: 4,
  avr: 4,
  apr: 4,
  april: 4,
  mai: 5,
  may: 5,
  juin: 6,
  jun: 6,
  june: 6,
  juillet: 7,
  juil: 7,
  jul: 7,
  july: 7,
  aout: 8,
  aug: 8,
  august: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  september: 9,
  octobre: 10,
  oct: 10,
  october: 10,
  novembre: 11,
  nov: 11,
  november: 11,
  decembre: 12,
  dec: 12,
  december: 12,
};

const UNITS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  seconde: 1,
  secondes: 1,
  second: 1,
  seconds: 1,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  mn: 60,
  h: 3600,
  heure: 3600,
  heures: 3600,
  hour: 3600,
  hours: 3600,
  hr: 3600,
  hrs: 3600,
  j: 86400,
  jour: 86400,
  jours: 86400,
  day: 86400,
  days: 86400,
  semaine: 604800,
  semaines: 604800,
  week: 604800,
  weeks: 604800,
  mois: 2592000,
  month: 2592000,
  months: 2592000,
};

/** Offset of a time zone from UTC at an instant, in milliseconds. */
function tzOffset(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return (
    Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) -
    Math.floor(utcMs / 1000) * 1000
  );
}

/** A wall-clock time in a time zone, as a UTC ISO string (null when the date does not exist). */
export function zonedToIso(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  timeZone: string,
): string | null {
  if (y < 1970 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const probe = new Date(guess);
  if (probe.getUTCDate() !== d) return null;
  let t = guess - tzOffset(guess, timeZone);
  t = guess - tzOffset(t, timeZone);
  return new Date(t).toISOString();
}

/** Lower-case, accents removed, split into words, numbers and single symbols (a linear scan). */
export function dateTokens(s: string): string[] {
  const folded = fold(s.slice(0, 200));
  return folded.match(/[a-z]+|\d+|[^\sa-z\d]/g) ?? [];
}

const isNum = (t: string | undefined) => t !== undefined && /^\d+$/.test(t);

/** Reads a time (`14h05`, `14:05`, `14 h`, `2:05 pm`) starting at token i; returns [h, m] or null. */
function timeAt(tk: string[], i: number): [number, number] | null {
  let j = i;
  while (tk[j] === 'a' || tk[j] === 'at' || tk[j] === ',' || tk[j] === '-' || tk[j] === 'vers') j++;
  if (!isNum(tk[j])) return null;
  let h = Number(tk[j]);
  let m = 0;
  if ((tk[j + 1] === 'h' || tk[j + 1] === ':') && isNum(tk[j + 2])) m = Number(tk[j + 2]);
  else if (tk[j + 1] !== 'h' && tk[j + 1] !== ':' && tk[j + 1] !== 'pm' && tk[j + 1] !== 'am') return null;
  const ampm = tk.slice(j + 1, j + 5).find((t) => t === 'am' || t === 'pm');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  return h < 24 && m < 60 ? [h, m] : null;
}

function relative(tk: string[], fetchedAt: Date, tz: string): Dated | null {
  const at = fetchedAt.getTime();
  const s = tk.join(' ');
  if (s.includes('a l instant') || s.includes('just now') || s === 'maintenant')
    return { iso: fetchedAt.toISOString(), precisionMs: 60_000 };
  const dayShift = s.startsWith('avant - hier')
    ? 2
    : s.startsWith('hier') || s.startsWith('yesterday')
      ? 1
      : s.startsWith('aujourd') || s.startsWith('today')
        ? 0
        : -1;
  if (dayShift >= 0) {
    const local = new Date(at + tzOffset(at, tz) - dayShift * 86400_000);
    const idx = tk.findIndex((t) => isNum(t));
    const time = idx >= 0 ? timeAt(tk, idx) : null;
    if (idx >= 0 && !time) return null;
    const [h, m] = time ?? [0, 0];
    const iso = zonedToIso(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), h, m, tz);
    return iso ? { iso, precisionMs: time ? 0 : 86400_000 } : null;
  }
  // "il y a 3 heures", "3 hours ago", "depuis 2 jours", "il y a une heure"
  for (let i = 0; i < tk.length; i++) {
    const n = isNum(tk[i])
      ? Number(tk[i])
      : tk[i] === 'un' || tk[i] === 'une' || tk[i] === 'an' || tk[i] === 'a'
        ? 1
        : null;
    const unit = UNITS[tk[i + 1] ?? ''];
    if (n === null || unit === undefined) continue;
    const ok = s.includes('il y a') || s.includes('ago') || s.startsWith('depuis') || s.startsWith('posted');
    if (ok) return { iso: new Date(at - n * unit * 1000).toISOString(), precisionMs: unit * 1000 };
  }
  return null;
}

function dmy(tk: string[], tz: string): string | null {
  for (let i = 0; i + 4 < tk.length; i++) {
    if (!isNum(tk[i]) || !isNum(tk[i + 2]) || !isNum(tk[i + 4])) continue;
    const sep = tk[i + 1];
    if ((sep !== '/' && sep !== '-' && sep !== '.') || tk[i + 3] !== sep) continue;
    const yt = tk[i + 4];
    if (yt.length !== 2 && yt.length !== 4) continue;
    const y = Number(yt) + (yt.length === 2 ? 2000 : 0);
    const [h, m] = timeAt(tk, i + 5) ?? [0, 0];
    return zonedToIso(y, Number(tk[i + 2]), Number(tk[i]), h, m, tz);
  }
  return null;
}

function long(tk: string[], fetchedAt: Date, tz: string): string | null {
  for (let i = 0; i < tk.length; i++) {
    const mo = MONTHS[tk[i]];
    if (mo === undefined) continue;
    let day: number | null = null;
    let j = i + 1;
    if (isNum(tk[i - 1]) && tk[i - 1].length <= 2) day = Number(tk[i - 1]);
    else if (tk[i - 1] === 'er' && isNum(tk[i - 2])) day = Number(tk[i - 2]);
    else if (isNum(tk[i + 1]) && tk[i + 1].length <= 2) {
      day = Number(tk[i + 1]);
      j = i + 2;
      if (tk[j] === 'st' || tk[j] === 'nd' || tk[j] === 'rd' || tk[j] === 'th') j++;
    }
    if (day === null) continue;
    if (tk[j] === '.' || tk[j] === ',') j++;
    let year = fetchedAt.getUTCFullYear();
    let yearGiven = false;
    if (isNum(tk[j]) && tk[j].length === 4) {
      year = Number(tk[j]);
      yearGiven = true;
      j++;
    }
    const [h, m] = timeAt(tk, j) ?? [0, 0];
    let iso = zonedToIso(year, mo, day, h, m, tz);
    // A date without a year that would lie in the future belongs to last year.
    if (iso && !yearGiven && Date.parse(iso) > fetchedAt.getTime() + 86400_000)
      iso = zonedToIso(year - 1, mo, day, h, m, tz);
    return iso;
  }
  return null;
}

/** A date read from a page, and how precise it is (relative dates like "il y a 3 heures" are ±1 unit). */
export interface Dated {
  iso: string;
  precisionMs: number;
}

/**
 * Reads a posted date as written on a site ("12 novembre 2026 à 14h05", "il y a 3 heures", "hier à 10:00",
 * "12/11/2026", ISO…). Relative dates count back from the fetch time; local times are in `spec.timezone`.
 * Returns an ISO-8601 UTC string, or null when the text is not understood.
 */
export function parsePostedDate(
  text: string,
  spec: Pick<DateSpec, 'format' | 'timezone'>,
  fetchedAt: Date,
): string | null {
  return readPostedDate(text, spec, fetchedAt)?.iso ?? null;
}

/** Like parsePostedDate, with the precision of the date (0 for absolute dates). */
export function readPostedDate(
  text: string,
  spec: Pick<DateSpec, 'format' | 'timezone'>,
  fetchedAt: Date,
): Dated | null {
  const s = text.trim();
  if (s === '') return null;
  const f = spec.format;
  const exact = (iso: string | null) => (iso ? { iso, precisionMs: 0 } : null);
  if (f === 'iso' || f === 'auto') {
    const iso = parseIsoDate(s);
    if (iso || f === 'iso') return exact(iso);
  }
  const tk = dateTokens(s);
  if (f === 'relative' || f === 'auto') {
    const r = relative(tk, fetchedAt, spec.timezone);
    if (r || f === 'relative') return r;
  }
  if (f === 'dmy' || f === 'auto') {
    const r = dmy(tk, spec.timezone);
    if (r || f === 'dmy') return exact(r);
  }
  return exact(long(tk, fetchedAt, spec.timezone));
}
