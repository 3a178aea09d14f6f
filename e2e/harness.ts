/**
 * End-to-end harness: builds the web app into a temp folder, seeds a temp SQLite store with the synthetic
 * demo corpus (import → analysis → linking, as `vigie start` does), creates one account per role, serves
 * it all in-process on 127.0.0.1:<random>, and drives Debian's Chromium through playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { writeDemoCorpus } from '../src/demo/generate.ts';
import { importFiles } from '../src/import/import-runner.ts';
import { importHooks } from '../src/pipeline/after-import.ts';
import { createAnalyzer } from '../src/pipeline/analyzer-pool.ts';
import { imageHasher } from '../src/pipeline/image-hasher.ts';
import { startServer } from '../src/server/start.ts';
import { createUser } from '../src/server/users.ts';
import type { Backend } from '../src/store/database.ts';
import type { Role } from '../src/store/schema-server.ts';
import { openStore } from '../src/store/open.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = resolve(ROOT, 'test-artifacts/e2e');
export const PASSWORD = 'e2e-correct-horse-42';

/** Browser tests must run under CI (never skipped silently); elsewhere they need the browser installed. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`${CHROMIUM} is missing: CI must install chromium (see .ci/run)`);
  console.warn(`e2e: ${CHROMIUM} not found, browser tests skipped (they always run under CI=true)`);
  return false;
}

/** `vite build` of web/ into `outDir` (the tests always drive the current sources). */
export async function buildWeb(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'web/vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

export interface Vigie {
  url: string;
  backend: Backend;
  users: Record<Role, string>;
  /** An extra analyst account that the lockout test may lock. */
  lockable: string;
  close(): Promise<void>;
}

/** A seeded, running Vigie. */
export async function startVigie(opts: { ads: number; seed?: number }): Promise<Vigie> {
  const t0 = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'vigie-e2e-'));
  const dist = join(dir, 'dist');
  await buildWeb(dist);
  const backend = await openStore(join(dir, 'vigie.db'));
  const corpus = await writeDemoCorpus(join(dir, 'demo'), { ads: opts.ads, seed: opts.seed ?? 42 });
  const hooks = importHooks(backend, 'deferred');
  const analyzer = await createAnalyzer({ threads: 2 });
  try {
    await importFiles([corpus.adsFile], {
      backend,
      analyzer,
      imageHasher,
      afterBatch: hooks.afterBatch,
      rejectsPath: join(dir, 'rejects.jsonl'),
    });
    await hooks.finish();
  } finally {
    await analyzer.close?.();
  }
  console.log(`e2e: seeded ${opts.ads} ads in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const users = {} as Record<Role, string>;
  for (const role of ['analyst', 'outreach', 'admin', 'auditor'] as const) {
    users[role] = `e2e-${role}`;
    await createUser(backend, { username: users[role], role, password: PASSWORD });
  }
  const lockable = 'e2e-lockable';
  await createUser(backend, { username: lockable, role: 'analyst', password: PASSWORD });
  const server = await startServer({ backend, port: 0, demo: true, config: { webDist: dist } });
  return {
    url: server.url,
    backend,
    users,
    lockable,
    async close() {
      await server.close();
      await backend.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  /** Requests that left 127.0.0.1 (must stay empty: the app makes no external request). */
  external: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'vigie-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: 'fr-FR',
  });
  const external: string[] = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return;
    if (u.hostname !== '127.0.0.1') external.push(r.url());
  });
  return {
    context,
    external,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form and waits for the landing screen. */
export async function signIn(page: Page, base: string, username: string, password = PASSWORD): Promise<void> {
  // One browser profile for the whole run: drop any previous session first.
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="current-user"]');
}

/** Saves a full-page screenshot under test-artifacts/e2e/. */
export async function shot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
