import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { exportAds } from '../export/export-ads.ts';
import { countRows } from '../store/ad-writer.ts';
import type { Backend } from '../store/database.ts';
import { checkStore } from '../store/db-check.ts';
import { openStore } from '../store/open.ts';
import { buildRecord, buildTestAnalyzer } from '../test-support/build.ts';
import { type ImportOptions, importFiles, importLines } from './import-runner.ts';
import { readRecords } from './read-records.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'vigie-import-'));
const jsonl = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
let open: Backend[] = [];

async function store(): Promise<Backend> {
  const b = await openStore(join(dir(), 'v.db'));
  open.push(b);
  return b;
}
afterEach(async () => {
  for (const b of open) await b.close();
  open = [];
});
const opts = (b: Backend, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  backend: b,
  analyzer: buildTestAnalyzer(),
  batchSize: 3,
  ...extra,
});

describe('import', () => {
  it('round-trips records through import and export, keeping unknown fields verbatim', async () => {
    const d = dir();
    const recs = Array.from({ length: 7 }, (_, i) =>
      buildRecord({ id: `r${i}`, body: `Annonce ${i} tel 06 39 98 00 0${i}`, extra: undefined }),
    );
    writeFileSync(join(d, 'a.jsonl'), jsonl(recs.map((r, i) => ({ ...r, vendor_field: { n: i } }))));
    const b = await store();
    const s = await importFiles([join(d, 'a.jsonl')], opts(b));
    expect(s).toMatchObject({ read: 7, new: 7, updated: 0, unchanged: 0, rejected: 0 });
    const out = [];
    for await (const l of exportAds(b)) out.push(l);
    expect(out.map((l) => l.id)).toEqual(recs.map((r) => r.id));
    expect(out[3].phones).toEqual(['+33639980003']);
    const v = await b.db.selectFrom('ad_versions').select('record').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(v.record).extra).toEqual({ vendor_field: { n: 0 } });
    const cap = await b.db.selectFrom('captures').select('raw').limit(1).executeTakeFirstOrThrow();
    expect(cap.raw).toBe(JSON.stringify({ ...recs[0], vendor_field: { n: 0 } }));
  });

  it('is idempotent and versions changed content', async () => {
    const d = dir();
    const f = join(d, 'a.jsonl');
    writeFileSync(f, jsonl([buildRecord({ id: 'x' }), buildRecord({ id: 'y' })]));
    const b = await store();
    await importFiles([f], opts(b));
    expect(await importFiles([f], opts(b))).toMatchObject({ new: 0, unchanged: 2 });
    writeFileSync(
      f,
      jsonl([
        buildRecord({ id: 'x', body: 'Texte modifié' }),
        buildRecord({ id: 'y', captured_at: '2026-11-05T00:00:00Z' }),
      ]),
    );
    expect(await importFiles([f], opts(b))).toMatchObject({ new: 0, updated: 1, unchanged: 1 });
    const counts = await countRows(b.db);
    expect(counts).toMatchObject({ ads: 2, ad_versions: 3 });
  });

  it('keeps versions right when one ad changes across consecutive pipelined batches', async () => {
    const d = dir();
    const f = join(d, 'p.jsonl');
    const bodies = ['v1', 'v2', 'v2', 'v3', 'v1'];
    writeFileSync(f, jsonl(bodies.map((body) => buildRecord({ id: 'x', body }))));
    const b = await store();
    const s = await importFiles([f], opts(b, { batchSize: 1 }));
    expect(s).toMatchObject({ new: 1, updated: 3, unchanged: 1 });
    const versions = await b.db
      .selectFrom('ad_versions')
      .select(['version', 'record'])
      .orderBy('version')
      .execute();
    expect(versions.map((v) => JSON.parse(v.record).body)).toEqual(['v1', 'v2', 'v3', 'v1']);
    const ad = await b.db.selectFrom('ads').select(['version', 'body']).executeTakeFirstOrThrow();
    expect(ad).toEqual({ version: 4, body: 'v1' });
  });

  it('rejects bad lines with file:line and field, writes them to the rejects file, and carries on', async () => {
    const d = dir();
    const f = join(d, 'bad.jsonl');
    const lines = [
      JSON.stringify(buildRecord({ id: 'ok1' })),
      '{"source": "s", "id": "broken", ',
      JSON.stringify({ source: 's', id: 'nobody' }),
      JSON.stringify({ ...buildRecord({ id: 'wrongtype' }), age: 'vingt' }),
      JSON.stringify({ ...buildRecord({ id: 'long' }), title: 'x'.repeat(2000) }),
      JSON.stringify(buildRecord({ id: 'baddate', posted_at: '2026-02-31' })),
      JSON.stringify({ ...buildRecord({ id: 'imgs' }), images: 'a.png' }),
      JSON.stringify(buildRecord({ id: 'ok2' })),
    ];
    writeFileSync(f, `${lines.join('\n')}\n`);
    const b = await store();
    const rejectsPath = join(d, 'rejects.jsonl');
    const s = await importFiles([f], opts(b, { rejectsPath }));
    expect(s).toMatchObject({ read: 8, new: 2, rejected: 6 });
    expect(s.firstRejects).toEqual([
      expect.stringMatching(/bad\.jsonl:2: \(line\): invalid JSON/),
      `${f}:3: body: is required`,
      `${f}:4: age: must be a whole number, got a string`,
      `${f}:5: title: is too long (2000 characters, at most 1000)`,
      expect.stringMatching(/:6: posted_at: is not a valid ISO 8601 date/),
      `${f}:7: images: must be an array of strings, got a string`,
    ]);
    const rej = readFileSync(rejectsPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rej.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rej[0].raw).toBe(lines[1]);
  });

  it('--strict stops at the first rejected record and keeps what was stored before intact', async () => {
    const d = dir();
    const f = join(d, 's.jsonl');
    writeFileSync(
      f,
      jsonl([
        buildRecord({ id: 'a' }),
        buildRecord({ id: 'b' }),
        buildRecord({ id: 'c' }),
        { source: 's' },
        buildRecord({ id: 'd' }),
      ]),
    );
    const b = await store();
    await expect(importFiles([f], opts(b, { strict: true, batchSize: 2 }))).rejects.toThrow(
      /s\.jsonl:4: id: is required/,
    );
    expect((await countRows(b.db)).ads).toBe(2);
    expect((await checkStore(b)).ok).toBe(true);
  });

  it('reads CSV with a header, gzip files, folders and stdin', async () => {
    const d = dir();
    writeFileSync(
      join(d, 'a.csv'),
      'source,id,title,body,age,images,custom\ns,c1,"Titre, avec virgule","Corps ""cité""\nsur deux lignes",21,img/a.png|img/b.png,x\ns,c2,,Corps,,,\n',
    );
    writeFileSync(join(d, 'b.jsonl.gz'), gzipSync(jsonl([buildRecord({ id: 'g1' })])));
    const b = await store();
    const warnings: string[] = [];
    const s = await importFiles([d], opts(b, { onWarning: (m) => warnings.push(m) }));
    expect(s).toMatchObject({ files: 2, new: 3, rejected: 0 });
    expect(warnings[0]).toMatch(/a\.csv:2: image img\/a\.png: file not found/);
    const c1 = await b.db
      .selectFrom('ads')
      .selectAll()
      .where('source_id', '=', 'c1')
      .executeTakeFirstOrThrow();
    expect(c1).toMatchObject({
      title: 'Titre, avec virgule',
      body: 'Corps "cité"\nsur deux lignes',
      age_raw: 21,
    });
    expect(JSON.parse(c1.extra ?? '{}')).toEqual({ custom: 'x' });

    const lines = [];
    for await (const l of readRecords('-', Readable.from([Buffer.from(jsonl([buildRecord({ id: 'in1' })]))])))
      lines.push(l);
    expect(lines).toHaveLength(1);
    expect(await importLines(lines, opts(b))).toMatchObject({ new: 1 });
  });
});
