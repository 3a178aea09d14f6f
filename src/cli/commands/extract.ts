/**
 * `vigie extract "text"` / `--file F` / `--json`: runs the full analysis on one text and prints every
 * entity found with its span and the original substring, the indicator hits and the scores.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { analyzeAd } from '../../core/analyze.ts';
import { VigieError } from '../../core/errors.ts';
import type { AdContent, Analysis, Span } from '../../core/types.ts';

interface ExtractOptions {
  file?: string;
  title?: string;
  city?: string;
  age?: string;
  phone?: string;
  json?: boolean;
}

function quote(content: AdContent, s: Span): string {
  const text =
    s.field === 'body'
      ? content.body
      : s.field === 'title'
        ? content.title
        : s.field === 'city'
          ? content.city
          : s.field === 'phone'
            ? content.phone
            : String(content.age ?? '');
  return JSON.stringify((text ?? '').slice(s.start, s.end));
}

const where = (content: AdContent, spans: Span[]) =>
  spans.map((s) => `${s.field}[${s.start},${s.end}] ${quote(content, s)}`).join('; ');

/** Human-readable report of an analysis, one entity per line. */
export function formatAnalysis(content: AdContent, a: Analysis): string {
  const x = a.extraction;
  const out: string[] = [];
  const section = (name: string, lines: string[]) => {
    out.push(`${name} (${lines.length})`);
    for (const l of lines) out.push(`  ${l}`);
  };
  section(
    'phones',
    x.phones.map(
      (p) =>
        `${p.e164}  ${p.type} ${p.country}${p.obfuscated ? ` obfuscated:${p.style}` : ''}  ${where(content, p.spans)}`,
    ),
  );
  section(
    'emails',
    x.emails.map((e) => `${e.email}${e.obfuscated ? ' obfuscated' : ''}  ${where(content, e.spans)}`),
  );
  section(
    'handles',
    x.handles.map((h) => `${h.platform}:${h.handle}  ${where(content, h.spans)}`),
  );
  section(
    'ages',
    x.ages.map((g) => `${g.age}  ${where(content, g.spans)}`),
  );
  section(
    'places',
    x.places.map(
      (p) =>
        `${p.name}${p.insee ? ` INSEE ${p.insee}` : ''} dép. ${p.departement}${p.postcode ? ` ${p.postcode}` : ''}${
          p.lat !== undefined ? ` (${p.lat}, ${p.lon})` : ''
        } via ${p.via}  ${where(content, p.spans)}`,
    ),
  );
  section(
    'prices',
    x.prices.map(
      (p) =>
        `${p.amount} ${p.currency}${p.minutes !== undefined ? ` / ${p.minutes} min` : ''}  ${where(content, p.spans)}`,
    ),
  );
  section(
    'names',
    x.names.map((n) => `${n.name}  ${where(content, n.spans)}`),
  );
  out.push(`language: ${x.language ?? 'unknown'}`);
  section(
    'indicators',
    a.indicators.map(
      (h) =>
        `${h.code} [${h.category}] weight ${h.weight}  ${where(content, [{ field: h.field, start: h.start, end: h.end }])}`,
    ),
  );
  const f = (v: number) => v.toFixed(3);
  out.push(
    `scores: minor ${f(a.scores.minor)}  control ${f(a.scores.control)}  recruitment ${f(a.scores.recruitment)}`,
  );
  out.push(`model: ${a.modelVersion}`);
  return out.join('\n');
}

/** Registers `vigie extract`. */
export function register(program: Command): void {
  program
    .command('extract')
    .description(
      'show what Vigie extracts from a text: contacts, ages, places, prices, names, indicators, scores',
    )
    .argument('[text]', 'the ad text (body); or use --file')
    .option('--file <path>', 'read the body from a file ("-" for stdin)')
    .option('--title <title>', 'ad title')
    .option('--city <city>', 'structured city field')
    .option('--age <age>', 'structured age field')
    .option('--phone <phone>', 'structured phone field')
    .option('--json', 'print the analysis as JSON')
    .action((text: string | undefined, opts: ExtractOptions) => {
      let body = text;
      if (opts.file !== undefined) body = readFileSync(opts.file === '-' ? 0 : opts.file, 'utf8');
      if (body === undefined) throw new VigieError('invalid_input', 'give a text or --file');
      const content: AdContent = { body };
      if (opts.title !== undefined) content.title = opts.title;
      if (opts.city !== undefined) content.city = opts.city;
      if (opts.phone !== undefined) content.phone = opts.phone;
      if (opts.age !== undefined) {
        const n = Number(opts.age);
        if (!Number.isInteger(n))
          throw new VigieError('invalid_input', `--age must be an integer, got ${opts.age}`);
        content.age = n;
      }
      const a = analyzeAd(content);
      process.stdout.write(`${opts.json ? JSON.stringify(a, null, 2) : formatAnalysis(content, a)}\n`);
    });
}
