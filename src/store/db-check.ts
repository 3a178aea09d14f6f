import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Backend } from './database.ts';
import { countRows } from './ad-writer.ts';

export interface CheckReport {
  ok: boolean;
  backend: string;
  counts: Record<string, number>;
  problems: string[];
}

/**
 * Verifies the store: engine integrity (SQLite), every capture's SHA-256 against its raw content, every
 * ad's versions contiguous from 1 and pointing at existing captures. Streams; stops listing after 50 problems.
 */
export async function checkStore(b: Backend): Promise<CheckReport> {
  const problems: string[] = [];
  const add = (p: string) => {
    if (problems.length < 50) problems.push(p);
  };
  if (b.name === 'sqlite') {
    const r = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(b.db);
    for (const row of r.rows) if (row.integrity_check !== 'ok') add(`sqlite: ${row.integrity_check}`);
  }
  let after = 0;
  for (;;) {
    const rows = await b.db
      .selectFrom('captures')
      .select(['id', 'sha256', 'raw'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const h = createHash('sha256').update(r.raw, 'utf8').digest('hex');
      if (h !== r.sha256)
        add(
          `capture ${r.id}: SHA-256 mismatch (stored ${r.sha256.slice(0, 12)}…, content ${h.slice(0, 12)}…)`,
        );
    }
    after = rows[rows.length - 1].id;
  }
  const bad = await b.db
    .selectFrom('ads')
    .leftJoin('ad_versions', 'ad_versions.ad_id', 'ads.id')
    .select(['ads.id', 'ads.version'])
    .select((eb) => [
      eb.fn.count<number>('ad_versions.id').as('n'),
      eb.fn.max('ad_versions.version').as('maxv'),
    ])
    .groupBy(['ads.id', 'ads.version'])
    .having((eb) =>
      eb.or([
        eb(eb.fn.count('ad_versions.id'), '!=', eb.ref('ads.version')),
        eb(eb.fn.max('ad_versions.version'), '!=', eb.ref('ads.version')),
      ]),
    )
    .limit(50)
    .execute();
  for (const r of bad) add(`ad ${r.id}: version ${r.version} but ${r.n} stored versions (max ${r.maxv})`);
  const orphans = await b.db
    .selectFrom('ad_versions')
    .leftJoin('captures', 'captures.id', 'ad_versions.capture_id')
    .select('ad_versions.id')
    .where('captures.id', 'is', null)
    .limit(50)
    .execute();
  for (const r of orphans) add(`version ${r.id}: its capture is missing`);
  return { ok: problems.length === 0, backend: b.name, counts: await countRows(b.db), problems };
}
