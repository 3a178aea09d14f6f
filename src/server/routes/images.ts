import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, normalize, relative, resolve } from 'node:path';
import { z } from 'zod/v4';
import { ApiError, notFound } from '../errors.ts';
import { type AnyRoute, route } from '../registry.ts';
import { INVESTIGATE } from '../roles.ts';

const ImageParams = z.object({
  id: z.coerce.number().int().positive(),
  ord: z.coerce.number().int().min(0).max(100),
});

function sniff(buf: Uint8Array): string {
  if (buf[0] === 0x89 && buf[1] === 0x50) return 'image/png';
  if (buf[0] === 0xff && buf[1] === 0xd8) return 'image/jpeg';
  if (buf[0] === 0x52 && buf[1] === 0x49) return 'image/webp';
  if (buf[0] === 0x47 && buf[1] === 0x49) return 'image/gif';
  return 'application/octet-stream';
}

/** The original bytes of an image when Vigie holds them: a data URI, or a file under the configured root. */
async function originalBytes(ref: string, root: string | null): Promise<Uint8Array | null> {
  const m = /^data:image\/[a-z+.-]+;base64,(.*)$/is.exec(ref);
  if (m) return Buffer.from(m[1], 'base64');
  if (!root || /^[a-z]+:/i.test(ref)) return null;
  const file = normalize(isAbsolute(ref) ? ref : resolve(root, ref));
  const rel = relative(resolve(root), file);
  if (rel.startsWith('..') || isAbsolute(rel) || !existsSync(file)) return null;
  return readFile(file);
}

export const imageRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/ads/:id/images/:ord/thumb',
    tag: 'images',
    summary: 'Blurred thumbnail of an ad image (audited view)',
    access: INVESTIGATE,
    params: ImageParams,
    produces: 'image/png',
    async handler({ c, deps, params, audit }) {
      const im = await deps.backend.db
        .selectFrom('ad_images')
        .select(['thumb'])
        .where('ad_id', '=', params.id)
        .where('ord', '=', params.ord)
        .executeTakeFirst();
      if (!im?.thumb) throw notFound(`thumbnail ${params.ord} of ad ${params.id}`);
      await audit('view_image', 'ad', params.id, { ord: params.ord, variant: 'blurred' });
      const buf = Buffer.from(im.thumb);
      return c.body(buf, 200, { 'Content-Type': sniff(buf), 'Cache-Control': 'private, no-store' });
    },
  }),
  route({
    method: 'get',
    path: '/ads/:id/images/:ord/original',
    tag: 'images',
    summary: 'Unblurred original, only where Vigie stores it, on explicit request with a reason (audited)',
    access: INVESTIGATE,
    params: ImageParams,
    query: z.object({
      reason: z.string().min(3).max(500).describe('why the original is needed (kept in the audit log)'),
    }),
    produces: 'application/octet-stream',
    async handler({ c, deps, params, query, audit }) {
      const im = await deps.backend.db
        .selectFrom('ad_images')
        .select(['ref', 'sha256'])
        .where('ad_id', '=', params.id)
        .where('ord', '=', params.ord)
        .executeTakeFirst();
      if (!im) throw notFound(`image ${params.ord} of ad ${params.id}`);
      const bytes = await originalBytes(im.ref, deps.config.imageRoot);
      await audit('view_image_original', 'ad', params.id, {
        ord: params.ord,
        reason: query.reason,
        served: bytes !== null,
      });
      if (!bytes) throw new ApiError('not_stored', 'the original of this image is not stored by Vigie');
      const buf = Buffer.from(bytes);
      return c.body(buf, 200, { 'Content-Type': sniff(buf), 'Cache-Control': 'private, no-store' });
    },
  }),
];
