import { type ImageHasher, readImages } from '../import/images.ts';
import type { Backend } from '../store/database.ts';
import { insertPageCapture } from '../store/crawl-repo.ts';
import type { LoadedAdapter } from './adapter-loader.ts';
import type { Fetcher } from './fetcher.ts';

/**
 * Downloads the images of freshly stored ads (recorded by the import pipeline as `remote` URLs), within the
 * adapter's hosts only, and fills in SHA-256, perceptual hash and thumbnail through the import pipeline's
 * image handling. Originals are kept (compressed, in page_captures) only when the adapter says so.
 * Returns the number of images read.
 */
export async function fetchAdImages(
  b: Backend,
  fetcher: Fetcher,
  adapter: LoadedAdapter,
  adIds: number[],
  opts: { hasher?: ImageHasher; runId: number | null; warn: (msg: string) => void },
): Promise<number> {
  if (!adapter.images.download || adIds.length === 0) return 0;
  const rows = await b.db
    .selectFrom('ad_images')
    .innerJoin('ads', 'ads.id', 'ad_images.ad_id')
    .select(['ad_images.ad_id', 'ad_images.ord', 'ad_images.ref', 'ads.source_id'])
    .where('ad_images.ad_id', 'in', adIds)
    .where('ad_images.status', '=', 'remote')
    .execute();
  let n = 0;
  for (const row of rows) {
    let host: string;
    try {
      host = new URL(row.ref).host;
    } catch {
      continue;
    }
    if (!adapter.hosts.has(host)) {
      await b.db
        .updateTable('ad_images')
        .set({ status: 'refused' })
        .where('ad_id', '=', row.ad_id)
        .where('ord', '=', row.ord)
        .execute();
      opts.warn(`image ${row.ref}: host ${host} not allowed, not fetched`);
      continue;
    }
    let status = 'missing';
    let set: { sha256?: string | null; phash?: string | null; thumb?: Uint8Array | null } = {};
    try {
      const r = await fetcher.fetch(row.ref, { accept: 'image', maxBytes: adapter.images.maxBytes });
      await insertPageCapture(b.db, {
        url: r.url,
        requestedUrl: r.requestedUrl,
        fetchedAt: r.fetchedAt.toISOString(),
        status: r.status,
        headers: r.headers,
        contentType: r.contentType,
        body: r.body,
        truncated: r.truncated,
        kind: 'image',
        keepBody: adapter.images.keepOriginals,
        source: adapter.name,
        sourceId: row.source_id,
        runId: opts.runId,
      });
      if (r.status === 200 && !r.truncated) {
        const uri = `data:${r.contentType ?? 'image/octet-stream'};base64,${Buffer.from(r.body).toString('base64')}`;
        const [img] = await readImages([uri], '', opts.hasher, (m) => opts.warn(`${row.ref}: ${m}`));
        status = img.status;
        set = { sha256: img.sha256, phash: img.phash, thumb: img.thumb };
        n++;
      } else {
        status = r.truncated ? 'invalid' : 'missing';
      }
    } catch (e) {
      opts.warn(`image ${row.ref}: ${(e as Error).message}`);
    }
    await b.db
      .updateTable('ad_images')
      .set({ ...set, status })
      .where('ad_id', '=', row.ad_id)
      .where('ord', '=', row.ord)
      .execute();
    if (set.sha256) {
      await b.db
        .insertInto('ad_identifiers')
        .values({ ad_id: row.ad_id, kind: 'image', value: set.sha256 })
        .onConflict((oc) => oc.columns(['ad_id', 'kind', 'value']).doNothing())
        .execute();
    }
  }
  return n;
}
