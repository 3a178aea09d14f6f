import { readFile } from 'node:fs/promises';
import { load } from 'cheerio';
import type { ZodIssue } from 'zod';
import { VigieError } from '../core/errors.ts';
import { type Adapter, adapterSchema } from './adapter-schema.ts';

/** An adapter ready to crawl with: validated, start URLs resolved, the set of hosts it may reach. */
export interface LoadedAdapter extends Adapter {
  /** The file it came from (for messages and run records). */
  file: string;
  /** Absolute start URLs. */
  starts: string[];
  /** `host` or `host:port` values requests may go to. */
  hosts: Set<string>;
}

/** One problem in an adapter file: the field path (`list.pagination.selector`) and what is wrong. */
export interface AdapterProblem {
  field: string;
  message: string;
}

const pathOf = (p: (string | number)[]) =>
  p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '') || '(adapter)';

function describeIssue(i: ZodIssue): AdapterProblem {
  if (i.code === 'unrecognized_keys') {
    return { field: pathOf(i.path), message: `unknown field(s) ${i.keys.map((k) => `"${k}"`).join(', ')}` };
  }
  return { field: pathOf(i.path), message: i.message };
}

/** Every string that must be a CSS selector, with its field path. */
function selectorsOf(a: Adapter): [string, string][] {
  const out: [string, string][] = [['list.itemSelector', a.list.itemSelector]];
  const f = (path: string, v: string | { selector: string } | undefined) => {
    if (v !== undefined)
      out.push([typeof v === 'string' ? path : `${path}.selector`, typeof v === 'string' ? v : v.selector]);
  };
  f('list.link', a.list.link);
  if (a.list.pagination?.type === 'next') out.push(['list.pagination.selector', a.list.pagination.selector]);
  const d = a.detail;
  for (const k of ['title', 'body', 'city', 'phone', 'age', 'category', 'postedAt', 'images'] as const)
    f(`detail.${k}`, d[k]);
  if (d.id.selector) out.push(['detail.id.selector', d.id.selector]);
  if (d.gone) out.push(['detail.gone', d.gone]);
  if (a.ageGate?.type === 'form') {
    out.push(['ageGate.detect', a.ageGate.detect], ['ageGate.form', a.ageGate.form]);
  }
  return out;
}

/**
 * Validates an adapter object. Returns the problems (empty when valid) or the loaded adapter.
 * `baseUrl` overrides the file's (tests serve fixture sites on a random port).
 */
export function validateAdapter(
  value: unknown,
  file: string,
  opts: { baseUrl?: string } = {},
): { ok: true; adapter: LoadedAdapter } | { ok: false; problems: AdapterProblem[] } {
  const v =
    opts.baseUrl && typeof value === 'object' && value !== null ? { ...value, baseUrl: opts.baseUrl } : value;
  const parsed = adapterSchema.safeParse(v);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(describeIssue) };
  const a = parsed.data;
  const problems: AdapterProblem[] = [];
  const $ = load('<html><body></body></html>');
  for (const [field, sel] of selectorsOf(a)) {
    try {
      $(sel);
    } catch (e) {
      problems.push({
        field,
        message: `invalid CSS selector ${JSON.stringify(sel)}: ${(e as Error).message}`,
      });
    }
  }
  const hosts = new Set([new URL(a.baseUrl).host, ...a.allowedHosts.map((h) => h.toLowerCase())]);
  const starts: string[] = [];
  a.startUrls.forEach((s, i) => {
    let u: URL;
    try {
      u = new URL(s, a.baseUrl);
    } catch {
      problems.push({ field: `startUrls[${i}]`, message: `not a URL: ${JSON.stringify(s)}` });
      return;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      problems.push({ field: `startUrls[${i}]`, message: 'must be http or https' });
    } else if (!hosts.has(u.host)) {
      problems.push({
        field: `startUrls[${i}]`,
        message: `host ${u.host} is not in baseUrl or allowedHosts`,
      });
    }
    starts.push(u.toString());
  });
  if (a.ageGate?.type === 'cookie' && /[;=\s]/.test(a.ageGate.name)) {
    problems.push({ field: 'ageGate.name', message: 'a cookie name cannot contain ";", "=" or spaces' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, adapter: { ...a, file, starts, hosts } };
}

/** Formats problems as `file: field: message` lines. */
export function formatProblems(file: string, problems: AdapterProblem[]): string {
  return problems.map((p) => `${file}: ${p.field}: ${p.message}`).join('\n');
}

/** Reads and validates an adapter file; throws `invalid_input` naming the file and each bad field. */
export async function loadAdapter(file: string, opts: { baseUrl?: string } = {}): Promise<LoadedAdapter> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new VigieError('invalid_input', `${file}: cannot read adapter (${(e as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new VigieError('invalid_input', `${file}: (file): invalid JSON: ${(e as Error).message}`);
  }
  const r = validateAdapter(value, file, opts);
  if (!r.ok) {
    throw new VigieError('invalid_input', formatProblems(file, r.problems), {
      details: { problems: r.problems },
    });
  }
  return r.adapter;
}
