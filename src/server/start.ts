import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Backend } from '../store/database.ts';
import { purgeExpiredSessions } from '../store/server-sessions-repo.ts';
import { createApp } from './app.ts';
import type { ServerConfig } from './deps.ts';

/** Where `vite build` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL('../../data/outreach-templates', import.meta.url));

export interface StartOptions {
  backend: Backend;
  host?: string;
  port?: number;
  /** Demo mode: always binds 127.0.0.1, whatever `host` says. */
  demo?: boolean;
  config?: Partial<ServerConfig>;
}

/** Serves the API and the built web app; resolves once listening. `port: 0` picks a free port. */
export async function startServer(o: StartOptions): Promise<{ url: string; close(): Promise<void> }> {
  const host = o.demo ? '127.0.0.1' : (o.host ?? '127.0.0.1');
  const app = createApp({
    backend: o.backend,
    config: {
      webDist: WEB_DIST,
      templatesDir: TEMPLATES_DIR,
      webhookUrls: (process.env.VIGIE_WEBHOOK_URLS ?? '').split(',').filter((s) => s.length > 0),
      trustProxy: process.env.VIGIE_TRUST_PROXY === '1',
      ...o.config,
    },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: o.port ?? 8080 }, () => resolve(s));
    s.once('error', reject);
  });
  const sweep = setInterval(() => {
    purgeExpiredSessions(o.backend.db, new Date()).catch((e: unknown) =>
      app.deps.log.warn({ err: e }, 'session sweep failed'),
    );
  }, 10 * 60_000);
  sweep.unref();
  const addr = server.address() as AddressInfo;
  const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shown}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(sweep);
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
