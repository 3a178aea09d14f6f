import { chromium } from 'playwright-core';
import type { Renderer } from './crawl-session.ts';
import type { Fetcher } from './fetcher.ts';

/** Where the browser is and how it runs: headless, sandbox off (containers), no background traffic. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const DROP = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection']);

/**
 * A renderer for adapters with `render: "chromium"`. Every request the page makes (document, scripts,
 * images, XHR) is routed through the crawler's fetcher, so the browser obeys the same allowed hosts, robots,
 * rate limit, size limit and redirect checks; anything the fetcher refuses is aborted. The captured body is
 * the DOM after scripts ran.
 */
export async function createChromiumRenderer(
  fetcher: Fetcher,
): Promise<{ render: Renderer; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const context = await browser.newContext({ userAgent: fetcher.options.userAgent, serviceWorkers: 'block' });
  await context.route('**/*', async (route) => {
    const req = route.request();
    try {
      const post =
        req.method() === 'POST' ? Object.fromEntries(new URLSearchParams(req.postData() ?? '')) : undefined;
      const r = await fetcher.fetch(req.url(), { accept: 'any', method: post ? 'POST' : 'GET', form: post });
      const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !DROP.has(k)));
      await route.fulfill({ status: r.status, headers, body: Buffer.from(r.body) });
    } catch {
      await route.abort('blockedbyclient').catch(() => {});
    }
  });
  return {
    async render(url) {
      const page = await context.newPage();
      try {
        const resp = await page.goto(url, {
          waitUntil: 'networkidle',
          timeout: fetcher.options.timeoutMs * 4,
        });
        const html = await page.content();
        return {
          requestedUrl: url,
          url: page.url(),
          status: resp?.status() ?? 0,
          headers: resp ? await resp.allHeaders() : {},
          contentType: 'text/html; charset=utf-8',
          body: new TextEncoder().encode(html),
          truncated: false,
          fetchedAt: new Date(),
          redirects: [],
          attempts: 1,
        };
      } finally {
        await page.close();
      }
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
}
