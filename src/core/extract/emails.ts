/**
 * E-mail extraction, plain and disguised: "prenom (at) mail point com", "arobase", "[at]", " at ", "dot",
 * "point", spaces around the separators. A hand-written linear scanner: find an @-marker, read the local
 * part backwards and the domain forwards, joining labels with dot-markers.
 */
import type { AdContent, EmailEntity } from '../types.ts';
import { type FieldText, SpanSet, textFields, toSpan } from './contact-fields.ts';
import { normalizeText } from '../normalize/normalize.ts';

const AT_WORDS = new Set(['arobase', 'arrobase', 'arobas', 'arrobas', 'arroba', 'at', 'aroba']);
const DOT_WORDS = new Set(['point', 'dot', 'punto', 'pt']);
const TLDS = new Set(
  (
    'com fr net org be ch es it de uk co io me eu info biz ro ng ca us nl pt pl ma tn dz sn ci lu ru ua tv ' +
    'xyz app dev online site fun live email cc ly to gg at se no dk fi ie gr cz sk hu bg hr si rs br mx ar ' +
    'cl pe au nz in jp cn kr za ke gh cm re gp mq pf nc yt pm wf mc ad li sm va gov edu mil int pro name ' +
    'club shop store top icu vip win link click space website tech fans cam chat love sexy'
  ).split(' '),
);
/** Common mail providers (first label of the domain). */
const MAIL_PROVIDERS = new Set(
  (
    'gmail googlemail hotmail outlook live msn yahoo ymail icloud me proton protonmail pm laposte orange ' +
    'wanadoo free sfr neuf bbox aol gmx web mail email yandex zoho tutanota hushmail posteo numericable club-internet'
  ).split(' '),
);
/** Providers written without their TLD ("lola arobase gmail"): only unambiguous ones. */
const PROVIDER_TLD: Record<string, string> = {
  gmail: 'gmail.com',
  googlemail: 'googlemail.com',
  protonmail: 'protonmail.com',
  icloud: 'icloud.com',
};

function isLocalChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45 || c === 43 || c === 37
  );
}
function isLabelChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

interface Marker {
  start: number;
  end: number;
  plain: boolean;
}

/** Find an @-marker at i: '@', "(at)", "[arobase]", or a bare "arobase"/"at" word. */
function atMarker(t: string, i: number): Marker | null {
  const c = t.charCodeAt(i);
  if (c === 64) return { start: i, end: i + 1, plain: true };
  if (c === 40 || c === 91 || c === 123 || c === 60) {
    let j = i + 1;
    while (t.charCodeAt(j) === 32) j++;
    let k = j;
    while (k < t.length && isWordChar(t.charCodeAt(k))) k++;
    const w = t.slice(j, k);
    if (k === j && t.charCodeAt(j) === 64) k = j + 1;
    else if (!AT_WORDS.has(w) && w !== 'a') return null;
    while (t.charCodeAt(k) === 32) k++;
    const close = t.charCodeAt(k);
    if (close === 41 || close === 93 || close === 125 || close === 62)
      return { start: i, end: k + 1, plain: false };
    return null;
  }
  if (c >= 97 && c <= 122 && (i === 0 || !isWordChar(t.charCodeAt(i - 1)))) {
    let k = i;
    while (k < t.length && isWordChar(t.charCodeAt(k)) && k - i < 10) k++;
    if (k < t.length && isWordChar(t.charCodeAt(k))) return null;
    if (AT_WORDS.has(t.slice(i, k))) return { start: i, end: k, plain: false };
  }
  return null;
}

/** A dot-marker at i (after optional spaces): '.', "point", "dot", "(dot)", "[.]". Returns the end or -1. */
function dotMarker(t: string, i: number): { end: number; plain: boolean } {
  let j = i;
  while (t.charCodeAt(j) === 32 && j - i < 3) j++;
  const c = t.charCodeAt(j);
  let end = -1;
  let plain = false;
  if (c === 46) {
    end = j + 1;
    plain = j === i;
  } else if (c === 40 || c === 91 || c === 123) {
    let k = j + 1;
    while (t.charCodeAt(k) === 32) k++;
    let m = k;
    while (m < t.length && isWordChar(t.charCodeAt(m))) m++;
    const w = t.slice(k, m);
    if (t.charCodeAt(k) === 46) m = k + 1;
    else if (!DOT_WORDS.has(w)) return { end: -1, plain: false };
    while (t.charCodeAt(m) === 32) m++;
    const close = t.charCodeAt(m);
    if (close === 41 || close === 93 || close === 125) end = m + 1;
  } else if (j > i || i === 0 || !isWordChar(t.charCodeAt(i - 1))) {
    let m = j;
    while (m < t.length && isWordChar(t.charCodeAt(m)) && m - j < 6) m++;
    if (DOT_WORDS.has(t.slice(j, m)) && !isWordChar(t.charCodeAt(m)) && t.charCodeAt(m) === 32) end = m;
  }
  if (end === -1) return { end: -1, plain: false };
  while (t.charCodeAt(end) === 32 && end - j < 12) end++;
  return { end, plain };
}

/** Read the domain after an @-marker ending at i. */
function readDomain(t: string, i: number): { domain: string; end: number; plain: boolean } | null {
  let j = i;
  let plain = true;
  while (t.charCodeAt(j) === 32 && j - i < 3) {
    j++;
    plain = false;
  }
  const labels: string[] = [];
  const labelEnds: number[] = [];
  let lastEnd = j;
  for (let guard = 0; guard < 6; guard++) {
    let k = j;
    while (k < t.length && isLabelChar(t.charCodeAt(k)) && k - j < 63) k++;
    if (k === j) break;
    labels.push(t.slice(j, k));
    labelEnds.push(k);
    lastEnd = k;
    const d = dotMarker(t, k);
    if (d.end === -1) break;
    if (!d.plain) plain = false;
    j = d.end;
  }
  if (labels.length === 0) return null;
  if (labels.length === 1) {
    const full = PROVIDER_TLD[labels[0]!];
    return full === undefined ? null : { domain: full, end: lastEnd, plain: false };
  }
  // Trailing labels that are not a TLD ("gmail point com merci"): cut back to the last TLD.
  let n = labels.length;
  while (n >= 2 && !TLDS.has(labels[n - 1]!)) n--;
  if (n < 2) return null;
  lastEnd = labelEnds[n - 1]!;
  const domain = labels.slice(0, n).join('.');
  if (domain.startsWith('-') || domain.includes('.-') || domain.includes('-.')) return null;
  return { domain, end: lastEnd, plain };
}

/** Read the local part before an @-marker starting at i. */
function readLocal(
  t: string,
  i: number,
  marker: Marker,
): { local: string; start: number; plain: boolean } | null {
  let j = i;
  let plain = true;
  while (j > 0 && t.charCodeAt(j - 1) === 32 && i - j < 3) {
    j--;
    plain = false;
  }
  let k = j;
  while (k > 0 && isLocalChar(t.charCodeAt(k - 1)) && j - k < 64) k--;
  let local = t.slice(k, j);
  // "jean point dupont arobase …": join words linked by dot-words.
  for (let guard = 0; guard < 3 && !marker.plain; guard++) {
    let m = k;
    while (m > 0 && t.charCodeAt(m - 1) === 32) m--;
    let w = m;
    while (w > 0 && isWordChar(t.charCodeAt(w - 1)) && m - w < 6) w--;
    if (!DOT_WORDS.has(t.slice(w, m)) || w === m) break;
    let p = w;
    while (p > 0 && t.charCodeAt(p - 1) === 32) p--;
    let q = p;
    while (q > 0 && isLocalChar(t.charCodeAt(q - 1)) && p - q < 64) q--;
    if (q === p) break;
    local = `${t.slice(q, p)}.${local}`;
    k = q;
    plain = false;
  }
  while (local.startsWith('.') || local.startsWith('-')) {
    local = local.slice(1);
    k++;
  }
  if (local.length === 0 || local.endsWith('.')) return null;
  return { local, start: k, plain };
}

function lowerField(f: FieldText): FieldText {
  const lower = f.norm.text.toLowerCase();
  if (lower.length === f.norm.text.length) return { ...f, norm: { text: lower, map: f.norm.map } };
  return { ...f, norm: normalizeText(f.original, { lowercase: true }) };
}

/** Find e-mails in one field. */
export function findEmailsInField(
  field: FieldText,
): { email: string; obfuscated: boolean; start: number; end: number }[] {
  const f = lowerField(field);
  const t = f.norm.text;
  const out: { email: string; obfuscated: boolean; start: number; end: number }[] = [];
  let i = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (!(c === 64 || c === 40 || c === 91 || c === 123 || c === 60 || c === 97)) {
      i++;
      continue;
    }
    const m = atMarker(t, i);
    if (m === null) {
      i++;
      continue;
    }
    const local = readLocal(t, m.start, m);
    const dom = local === null ? null : readDomain(t, m.end);
    if (local === null || dom === null) {
      i = m.end;
      continue;
    }
    // "insta @mila.vip": a space before '@' and none after is a mention, unless the domain is a mail provider.
    if (m.plain && t.charCodeAt(m.start - 1) === 32 && t.charCodeAt(m.end) !== 32) {
      if (!MAIL_PROVIDERS.has(dom.domain.slice(0, dom.domain.indexOf('.')))) {
        i = m.end;
        continue;
      }
    }
    // A bare " at " needs a real domain: "meet me at hotel" is not an e-mail.
    if (t.slice(m.start, m.end) === 'at' && !dom.domain.includes('.')) {
      i = m.end;
      continue;
    }
    const obfuscated = !(m.plain && local.plain && dom.plain);
    out.push({ email: `${local.local}@${dom.domain}`, obfuscated, start: local.start, end: dom.end });
    i = dom.end;
  }
  return out;
}

/** Extract e-mail addresses from the title and body (plain and obfuscated), deduplicated, spans merged. */
export function extractEmails(content: AdContent): EmailEntity[] {
  const by = new Map<string, EmailEntity>();
  const seen = new SpanSet();
  for (const f of textFields(content)) {
    for (const e of findEmailsInField(f)) {
      const span = toSpan(f, e.start, e.end);
      if (!seen.add(e.email, span)) continue;
      const prev = by.get(e.email);
      if (prev === undefined) by.set(e.email, { email: e.email, obfuscated: e.obfuscated, spans: [span] });
      else {
        prev.spans.push(span);
        prev.obfuscated ||= e.obfuscated;
      }
    }
  }
  return [...by.values()];
}
