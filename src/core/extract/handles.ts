/**
 * Social and fan-platform handles: "snap: lola_x", "👻 lola.x", "insta @lola", "tg @lola", t.me/lola,
 * instagram.com/lola, "whatsapp +33 6 …" (the handle is then the E.164 number), OnlyFans, MYM, Fansly,
 * camming sites. A handle must look like one: ordinary words after a cue ("snap : dispo") are refused.
 */
import type { AdContent, HandleEntity, HandlePlatform, PhoneEntity, Span } from '../types.ts';
import { type FieldText, SpanSet, lowerBound, spanEnd, textFields, toSpan } from './contact-fields.ts';
import { findEmailsInField } from './emails.ts';
import { validateInternational } from './contact-phone-validate.ts';
import {
  CONNECTOR_TABLE,
  CUE_FIRST,
  CUE_MAX_LEN,
  CUE_TABLE,
  type Cue,
  EMOJI_CUES,
  STOP_TABLE,
} from './handle-cues.ts';
import { extractPhones } from './phones.ts';

/** URL prefixes (after lower-casing) and the platform of the path's first segment. */
const URLS: [string, Cue][] = [
  ['instagram.com/', { platform: 'instagram' }],
  ['instagr.am/', { platform: 'instagram' }],
  ['snapchat.com/add/', { platform: 'snapchat' }],
  ['snapchat.com/@', { platform: 'snapchat' }],
  ['tiktok.com/@', { platform: 'tiktok' }],
  ['twitter.com/', { platform: 'x' }],
  ['x.com/', { platform: 'x' }],
  ['t.me/', { platform: 'telegram' }],
  ['telegram.me/', { platform: 'telegram' }],
  ['wa.me/', { platform: 'whatsapp' }],
  ['onlyfans.com/', { platform: 'onlyfans' }],
  ['mym.fans/', { platform: 'mym' }],
  ['fansly.com/', { platform: 'other', site: 'fansly' }],
  ['chaturbate.com/', { platform: 'other', site: 'chaturbate' }],
  ['stripchat.com/', { platform: 'other', site: 'stripchat' }],
  ['kik.me/', { platform: 'other', site: 'kik' }],
  ['linktr.ee/', { platform: 'other', site: 'linktree' }],
  ['fans.ly/', { platform: 'other', site: 'fansly' }],
];
const RESERVED_PATHS = new Set(
  'p reel reels explore stories add share joinchat s i home search hashtag intent watch video tv about legal help login signup'.split(
    ' ',
  ),
);

function isHandleChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xe0 && c <= 0xff);
}

interface Found {
  platform: HandlePlatform;
  handle: string;
  start: number;
  end: number;
}

function cleanHandle(h: string): string {
  let s = h;
  while (s.endsWith('.') || s.endsWith('-') || s.endsWith('_')) s = s.slice(0, -1);
  while (s.startsWith('.') || s.startsWith('-')) s = s.slice(1);
  return s;
}

function named(c: Cue, h: string): string {
  return c.site !== undefined ? `${c.site}:${h}` : h;
}

function findUrls(t: string, out: Found[]): void {
  // Every prefix has a '/': one scan instead of eighteen on text without any.
  if (t.indexOf('/') === -1) return;
  for (const [prefix, c] of URLS) {
    let from = 0;
    for (let guard = 0; guard < 10_000; guard++) {
      const at = t.indexOf(prefix, from);
      if (at === -1) break;
      from = at + prefix.length;
      if (at > 0 && prefix === 'x.com/' && isHandleChar(t.charCodeAt(at - 1))) continue;
      let k = from;
      if (c.platform === 'tiktok' || t.charCodeAt(k) === 64) {
        if (t.charCodeAt(k) === 64) k++;
      }
      const hs = k;
      while (k < t.length && isHandleChar(t.charCodeAt(k)) && k - hs < 40) k++;
      const h = cleanHandle(t.slice(hs, k));
      if (h.length < 2 || RESERVED_PATHS.has(h)) continue;
      if (c.platform === 'whatsapp') {
        const digits = h.replace(/\D/g, '');
        const v = validateInternational(digits, [digits.length], { left: 2 });
        if (v !== null) out.push({ platform: 'whatsapp', handle: v.phone.e164, start: at, end: k });
        continue;
      }
      out.push({ platform: c.platform, handle: named(c, h), start: at, end: hs + h.length });
    }
  }
}

/** Read a handle after a cue ending at `i`. */
function afterCue(t: string, i: number, c: Cue): { handle: string; end: number } | null {
  let j = i;
  let explicit = false;
  let at = false;
  // Separators, arrows and a few connector words.
  for (let guard = 0; guard < 12 && j < t.length; guard++) {
    const ch = t.charCodeAt(j);
    if (ch === 32 || ch === 9) {
      j++;
      continue;
    }
    if (ch === 58 || ch === 61 || ch === 62 || ch === 0x2192 || ch === 0x27a1 || ch === 0x2794) {
      explicit = true;
      j++;
      continue;
    }
    if (ch === 0xd83d) {
      // 👉 ⬇ and similar pointing emoji.
      explicit = true;
      j += 2;
      if (j < t.length && t.charCodeAt(j) === 0xfe0f) j++;
      continue;
    }
    if (ch === 64) {
      at = true;
      j++;
      break;
    }
    // Every connector starts with a-z: do not slice other words (a phone number after "whatsapp").
    if (ch < 97 || ch > 122) break;
    let k = j;
    while (k < t.length && (isWordChar(t.charCodeAt(k)) || t.charCodeAt(k) === 39) && k - j < 10) k++;
    if (k > j && CONNECTOR_TABLE.has(t, j, k) && (k === t.length || !isHandleChar(t.charCodeAt(k)))) {
      const w = t.slice(j, k);
      if (w === 'est' || w === "c'est" || w === 'cest' || w === 'is' || w === 'c') explicit = true;
      j = k;
      continue;
    }
    break;
  }
  if (c.strict && !explicit && !at) return null;
  const hs = j;
  let k = j;
  while (k < t.length && isHandleChar(t.charCodeAt(k)) && k - hs < 40) k++;
  // The handle is t[a, b): the run without trailing '.', '-', '_' nor leading '.', '-' (cleanHandle), read
  // in place: most cues on hostile text are followed by no handle.
  let a = hs;
  let b = k;
  while (b > a && isTrailingJunk(t.charCodeAt(b - 1))) b--;
  while (a < b && (t.charCodeAt(a) === 46 || t.charCodeAt(a) === 45)) a++;
  const len = b - a;
  if (len < 2 || len > 30) return null;
  if (k < t.length && t.charCodeAt(k) === 64) return null; // an e-mail's local part
  let letter = false;
  let shaped = false;
  for (let x = a; x < b; x++) {
    const ch = t.charCodeAt(x);
    if (ch >= 97) letter = true;
    else shaped = true; // a digit, '_', '.' or '-'
  }
  if (!letter && !at) return null; // digits only: a phone, handled elsewhere
  if (!at && !shaped) {
    // Without '@', digit or separator, a bare word is a handle only after an explicit separator, or
    // after a strong cue (👻, a full platform name) when it is long enough not to be an ordinary word.
    const bareOk = explicit ? len >= 3 : c.strong === true && len >= 6;
    if (!bareOk || STOP_TABLE.has(t, a, b) || CUE_TABLE.has(t, a, b)) return null;
  }
  if (!at && STOP_TABLE.has(t, a, b)) return null;
  return { handle: t.slice(a, b), end: hs + len };
}

/** '.', '-', '_': not the last character of a handle. */
function isTrailingJunk(c: number): boolean {
  return c === 46 || c === 45 || c === 95;
}

const BEFORE_LINKS = new Set(['sur', 'on', 'en', 'via', 'my', 'mon']);

/** An '@handle' just before a cue, linked by "sur"/"on"/"via" or an opening parenthesis. */
function beforeCue(t: string, cueStart: number): { handle: string; start: number } | null {
  let j = cueStart;
  for (let guard = 0; guard < 4 && j > 0; guard++) {
    const c = t.charCodeAt(j - 1);
    if (c === 32 || c === 40 || c === 58 || c === 45) {
      j--;
      continue;
    }
    let k = j;
    while (k > 0 && isWordChar(t.charCodeAt(k - 1)) && j - k < 6) k--;
    // Links are two or three letters long: do not slice other words.
    if (
      j - k >= 2 &&
      j - k <= 3 &&
      BEFORE_LINKS.has(t.slice(k, j)) &&
      (k === 0 || !isHandleChar(t.charCodeAt(k - 1)))
    ) {
      j = k;
      continue;
    }
    break;
  }
  let k = j;
  while (k > 0 && isHandleChar(t.charCodeAt(k - 1)) && j - k < 40) k--;
  if (k === 0 || t.charCodeAt(k - 1) !== 64) return null;
  if (k >= 2 && isHandleChar(t.charCodeAt(k - 2))) return null; // an e-mail, not a mention
  const h = cleanHandle(t.slice(k, j));
  if (h.length < 2 || h.length > 30 || !/[a-z]/.test(h)) return null;
  return { handle: h, start: k - 1 };
}

/** ' ', '/', '&', '+', ',' between cue words. */
function isCueJoiner(c: number): boolean {
  return c === 32 || c === 47 || c === 38 || c === 43 || c === 44;
}

/** "et", "and", "ou", "or" at t[p, q). */
function isAndOr(t: string, p: number, q: number): boolean {
  const a = t.charCodeAt(p);
  const b = t.charCodeAt(p + 1);
  if (q - p === 2) return (a === 101 && b === 116) || (a === 111 && (b === 117 || b === 114));
  return q - p === 3 && a === 97 && b === 110 && t.charCodeAt(p + 2) === 100;
}

/** How many of `first` and `more` are WhatsApp cues. */
function countWhatsapp(first: Cue, more: Cue[] | null): number {
  let n = first.platform === 'whatsapp' ? 1 : 0;
  if (more !== null) for (const c of more) if (c.platform === 'whatsapp') n++;
  return n;
}

function findCues(t: string, out: Found[], waCues: WaCues): void {
  let i = 0;
  const n = t.length;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 0xd83d) {
      const e = i + 1 < n ? EMOJI_CUES.get(t.charCodeAt(i + 1)) : undefined;
      if (e !== undefined) {
        const r = afterCue(t, i + 2, e);
        if (r !== null) out.push({ platform: e.platform, handle: r.handle, start: i, end: r.end });
      }
      i += 2;
      continue;
    }
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    let k = i;
    while (
      k < n &&
      (isWordChar(t.charCodeAt(k)) ||
        (t.charCodeAt(k) === 45 && k + 1 < n && isWordChar(t.charCodeAt(k + 1))))
    )
      k++;
    // Only slice and look up words that could be a cue (length and first letter): most words are not.
    const cw = k - i <= CUE_MAX_LEN && (c >= 128 || CUE_FIRST[c] === 1) ? CUE_TABLE.get(t, i, k) : undefined;
    if (cw !== undefined && (k === n || t.charCodeAt(k) !== 46)) {
      // Several platforms sharing one handle: "snap/insta : lola_x". `cw`, then `more` (rarely any).
      let more: Cue[] | null = null;
      let m = k;
      for (let guard = 0; guard < 3; guard++) {
        let p = m;
        while (p < n && isCueJoiner(t.charCodeAt(p))) p++;
        // Only read a word that can be "et"/"and"/"ou"/"or" or a cue (not the number after "whatsapp").
        // (No read past the end: out-of-bounds reads throw optimised code away.)
        if (p === n) break;
        const f2 = t.charCodeAt(p);
        if (!isWordChar(f2) || (f2 < 128 && CUE_FIRST[f2] !== 1 && f2 !== 97 && f2 !== 101)) break;
        let q = p + 1;
        while (q < n && isWordChar(t.charCodeAt(q))) q++;
        if (q - p > CUE_MAX_LEN) break;
        if (isAndOr(t, p, q)) {
          m = q;
          continue;
        }
        const c2 = p > m ? CUE_TABLE.get(t, p, q) : undefined;
        if (c2 === undefined || c2.strict) break;
        if (more === null) more = [c2];
        else more.push(c2);
        m = q;
      }
      const nCues = more === null ? 1 : more.length + 1;
      const wa = countWhatsapp(cw, more);
      if (wa > 0) {
        waCues.starts.push(i);
        waCues.ends.push(m);
      }
      // WhatsApp handles are the numbers near the cue (extractHandles): with no other platform, nothing
      // to read here ("whatsapp 06…" floods).
      if (wa === nCues) {
        i = m;
        continue;
      }
      const r = afterCue(t, m, cw);
      if (r !== null) {
        for (let x = 0; x < nCues; x++) {
          const cue = x === 0 ? cw : more![x - 1]!;
          if (cue.platform === 'whatsapp') continue;
          out.push({ platform: cue.platform, handle: named(cue, r.handle), start: i, end: r.end });
        }
      } else if (!cw.strict) {
        // Handle before the cue: "@lola_x sur snap", "@lola_x (insta)".
        const b = beforeCue(t, i);
        if (b !== null) {
          for (let x = 0; x < nCues; x++) {
            const cue = x === 0 ? cw : more![x - 1]!;
            if (cue.platform !== 'whatsapp')
              out.push({ platform: cue.platform, handle: named(cue, b.handle), start: b.start, end: m });
          }
        }
      }
      i = m;
      continue;
    }
    i = k;
  }
}

/** Find handles in one field (WhatsApp numbers are attached in {@link extractHandles}). */
function findInField(f: FieldText, waCues: WaCues): Found[] {
  const lower = f.norm.text.toLowerCase();
  const t = lower.length === f.norm.text.length ? lower : f.norm.text;
  const out: Found[] = [];
  findUrls(t, out);
  findCues(t, out, waCues);
  // Nothing to filter: skip the e-mail scan (floods of cues with no handle after them).
  if (out.length === 0) return out;
  const emails = findEmailsInField(f);
  if (emails.length === 0) return out;
  // Handles inside an e-mail address are its local part, not a handle. Emails are sorted by start.
  const starts = emails.map((e) => e.start);
  return out.filter((h) => {
    let k = lowerBound(starts, h.start - 200);
    for (; k < emails.length && emails[k]!.start <= h.start; k++) {
      if (h.start < emails[k]!.end) return false;
    }
    return true;
  });
}

/**
 * Extract handles from the title and body, deduplicated by platform and handle with spans merged.
 * A phone number written next to a WhatsApp cue becomes `{platform: 'whatsapp', handle: E.164}`.
 */
export function extractHandles(content: AdContent): HandleEntity[] {
  const found = new HandleSet();
  const waByField = new Map<string, WaCues>();
  for (const f of textFields(content)) {
    const wa: WaCues = { starts: [], ends: [] };
    for (const h of findInField(f, wa)) {
      found.add(`${h.platform}:${h.handle}`, h.platform, h.handle, toSpan(f, h.start, h.end));
    }
    if (wa.starts.length > 0) waByField.set(f.field, toOriginal(f, wa));
  }
  // A number within 40 characters of a WhatsApp cue (before or after it), in the same field.
  if (waByField.size > 0) for (const p of extractPhones(content)) addNearNumber(found, waByField, p);
  return found.list();
}

// The loops over cues and spans are small functions of their own: on floods they are what gets optimised
// (cheap to compile again when a new kind of text throws optimised code away).

/** `wa` moved to original offsets, in place. */
function toOriginal(f: FieldText, wa: WaCues): WaCues {
  const { starts, ends } = wa;
  for (let x = 0; x < starts.length; x++) {
    const a = starts[x]!;
    ends[x] = spanEnd(f, a, ends[x]!);
    starts[x] = f.norm.map[a]!;
  }
  return wa;
}

/** The spans of phone `p` near a WhatsApp cue of their field, as WhatsApp handles. */
function addNearNumber(found: HandleSet, waByField: Map<string, WaCues>, p: PhoneEntity): void {
  // One key per number, not per span (a flood of one number has tens of thousands of spans).
  const key = `whatsapp:${p.e164}`;
  // A number's spans are distinct already: unless a wa.me link gave the same handle, skip the dedupe.
  const fresh = !found.has(key);
  for (const s of p.spans) {
    const wf = waByField.get(s.field);
    if (wf === undefined || !nearCue(wf, s)) continue;
    if (fresh) found.addDistinct(key, 'whatsapp', p.e164, s);
    else found.add(key, 'whatsapp', p.e164, s);
  }
}

/** WhatsApp cue ranges of one field in text order (normalised offsets while found, then original ones). */
interface WaCues {
  starts: number[];
  ends: number[];
}

/** Whether `s` starts within 40 characters of a WhatsApp cue of its field (before or after it). */
function nearCue(wf: WaCues, s: Span): boolean {
  const { starts, ends } = wf;
  for (let k = lowerBound(starts, s.start - 80); k < starts.length && starts[k]! <= s.start + 40; k++) {
    if (s.start >= starts[k]! - 40 && s.start <= ends[k]! + 40) return true;
  }
  return false;
}

/**
 * Handles deduplicated by `platform:handle` key with their spans merged. (A class, not closures created per
 * call: optimised code calling a per-call closure is thrown away on the next call.)
 */
class HandleSet {
  private readonly by = new Map<string, HandleEntity>();
  private readonly seen = new SpanSet();

  add(key: string, platform: HandlePlatform, handle: string, span: Span): void {
    if (this.seen.add(key, span)) this.addDistinct(key, platform, handle, span);
  }

  /** Add a span known to differ from every span recorded for `key` (not recorded for later dedupe). */
  addDistinct(key: string, platform: HandlePlatform, handle: string, span: Span): void {
    const prev = this.by.get(key);
    if (prev === undefined) this.by.set(key, { platform, handle, spans: [span] });
    else prev.spans.push(span);
  }

  has(key: string): boolean {
    return this.by.has(key);
  }

  list(): HandleEntity[] {
    return [...this.by.values()];
  }
}
