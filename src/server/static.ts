import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.geojson': 'application/geo+json',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built web app: files under `root`, and index.html for any other GET path (client-side
 * routing). Paths are resolved inside `root` only.
 */
export function serveWeb(app: Hono, root: string): void {
  const base = normalize(root);
  const index = join(base, 'index.html');
  if (!existsSync(index)) return;
  app.get('*', async (c) => {
    const rel = decodeURIComponent(c.req.path).replace(/^\/+/, '');
    const file = normalize(join(base, rel));
    const inside = file === base || file.startsWith(base.endsWith(sep) ? base : base + sep);
    let path = index;
    if (inside && rel !== '' && existsSync(file) && extname(file) !== '') path = file;
    const body = await readFile(path);
    const immutable = path !== index && rel.startsWith('assets/');
    return c.body(body, 200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
}
