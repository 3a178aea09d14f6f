import { type CheerioAPI, load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { Adapter, FieldSpec } from './adapter-schema.ts';
import { readPostedDate } from './dates.ts';

/** What a list page gives: ad links (absolute), the next page if any, how many items matched. */
export interface Listing {
  links: string[];
  next: string | null;
  items: number;
}

/** The fields read from an ad page (before becoming an import record). */
export interface DetailFields {
  id: string | null;
  title?: string;
  body?: string;
  city?: string;
  phone?: string;
  age?: number;
  category?: string;
  postedAt?: string;
  /** How precise postedAt is, in ms (relative dates: one unit). */
  postedAtPrecisionMs?: number;
  /** Raw posted-date text when it could not be understood (kept for the analyst). */
  postedAtText?: string;
  images: string[];
  /** The page says the ad was removed. */
  gone: boolean;
}

/** Visible text of an element: `<br>` and block ends become line breaks, spaces collapsed per line. */
export function textOf($: CheerioAPI, el: ReturnType<CheerioAPI>): string {
  const c = el.first().clone();
  c.find('script, style, noscript').remove();
  c.find('br').replaceWith('\n');
  c.find('p, div, li, h1, h2, h3, tr').each((_, e) => {
    $(e).append('\n');
  });
  return c
    .text()
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

function read($: CheerioAPI, root: ReturnType<CheerioAPI>, spec: FieldSpec | undefined): string | undefined {
  if (spec === undefined) return undefined;
  const sel = typeof spec === 'string' ? spec : spec.selector;
  const el = root.find(sel).first();
  if (el.length === 0) return undefined;
  const v = typeof spec === 'string' || !spec.attr ? textOf($, el) : (el.attr(spec.attr) ?? '').trim();
  return v === '' ? undefined : v;
}

const absolute = (href: string, base: string): string | null => {
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.toString();
  } catch {
    return null;
  }
};

/** Reads a list page. Pagination by parameter is handled by the crawler (it knows the page number). */
export function extractListing(html: string, pageUrl: string, a: Pick<Adapter, 'list'>): Listing {
  const $ = load(html);
  const items = $(a.list.itemSelector);
  const links: string[] = [];
  items.each((_, node: AnyNode) => {
    const href = read($, $(node), a.list.link) ?? ($(node).is('a') ? $(node).attr('href') : undefined);
    const abs = href ? absolute(href, pageUrl) : null;
    if (abs && !links.includes(abs)) links.push(abs);
  });
  let next: string | null = null;
  const p = a.list.pagination;
  if (p?.type === 'next') {
    const href = $(p.selector).first().attr('href');
    next = href ? absolute(href, pageUrl) : null;
  }
  return { links, next, items: items.length };
}

/** The ad id from its URL or page, per `detail.id`. */
function idOf($: CheerioAPI, url: string, rule: Adapter['detail']['id']): string | null {
  if (rule.selector) {
    const el = $(rule.selector).first();
    const v = (rule.attr ? el.attr(rule.attr) : el.text())?.trim();
    return v ? v : null;
  }
  const u = new URL(url);
  if (rule.urlParam) return u.searchParams.get(rule.urlParam) || null;
  const segs = u.pathname.split('/').filter((s) => s !== '');
  const i = rule.urlSegment ?? -1;
  const seg = segs[i < 0 ? segs.length + i : i];
  if (!seg) return null;
  const dot = seg.lastIndexOf('.');
  return decodeURIComponent(dot > 0 ? seg.slice(0, dot) : seg) || null;
}

/** Reads an ad page with the adapter's selectors. Never throws on malformed HTML (cheerio repairs it). */
export function extractDetail(
  html: string,
  url: string,
  a: Pick<Adapter, 'detail'>,
  fetchedAt: Date,
): DetailFields {
  const $ = load(html);
  const d = a.detail;
  const root = $.root();
  const out: DetailFields = {
    id: idOf($, url, d.id),
    images: [],
    gone: d.gone ? $(d.gone).length > 0 : false,
  };
  out.title = read($, root, d.title);
  out.body = read($, root, d.body);
  out.city = read($, root, d.city);
  const phone = read($, root, d.phone);
  if (phone) out.phone = phone.replace(/^tel:/i, '').trim();
  out.category = read($, root, d.category);
  const age = read($, root, d.age);
  const m = age ? /\d{1,3}/.exec(age) : null;
  if (m && Number(m[0]) <= 120) out.age = Number(m[0]);
  if (d.postedAt) {
    const raw = read($, root, d.postedAt);
    if (raw) {
      const dated = readPostedDate(raw, d.postedAt, fetchedAt);
      if (dated) {
        out.postedAt = dated.iso;
        out.postedAtPrecisionMs = dated.precisionMs;
      } else out.postedAtText = raw;
    }
  }
  if (d.images && d.images.max > 0) {
    const attr = d.images.attr;
    $(d.images.selector).each((_, el) => {
      const src = $(el).attr(attr);
      const abs = src ? absolute(src, url) : null;
      if (abs && !out.images.includes(abs) && out.images.length < (d.images?.max ?? 0)) out.images.push(abs);
    });
  }
  for (const k of ['title', 'body', 'city', 'category'] as const) if (out[k] === undefined) delete out[k];
  return out;
}

/** True when a page is the site's age gate (form gates: the `detect` selector matches). */
export function isAgeGate(html: string, a: Pick<Adapter, 'ageGate'>): boolean {
  if (a.ageGate?.type !== 'form') return false;
  return load(html)(a.ageGate.detect).length > 0;
}

/** The age-gate form to submit: absolute action URL, method and fields (page values, then the adapter's). */
export function ageGateForm(html: string, pageUrl: string, a: Pick<Adapter, 'ageGate'>) {
  if (a.ageGate?.type !== 'form') return null;
  const $ = load(html);
  const form = $(a.ageGate.form).first();
  if (form.length === 0) return null;
  const fields: Record<string, string> = {};
  form.find('input[name], select[name], textarea[name]').each((_, el) => {
    const e = $(el);
    const type = (e.attr('type') ?? '').toLowerCase();
    if ((type === 'checkbox' || type === 'radio') && e.attr('checked') === undefined) return;
    fields[e.attr('name') ?? ''] = e.attr('value') ?? e.val()?.toString() ?? '';
  });
  Object.assign(fields, a.ageGate.fields);
  const action = absolute(form.attr('action') ?? pageUrl, pageUrl);
  const method =
    (form.attr('method') ?? 'get').toUpperCase() === 'POST' ? ('POST' as const) : ('GET' as const);
  return action ? { action, method, fields } : null;
}
