import type { Command } from 'commander';
import { loadAdapter } from '../../crawler/adapter-loader.ts';
import { capturePage } from '../../crawler/capture.ts';
import { createSession } from '../../crawler/crawl-session.ts';
import { type CrawlSummary, crawlSite } from '../../crawler/crawler.ts';
import { extractDetail, extractListing } from '../../crawler/extract.ts';
import { FetchError } from '../../crawler/fetcher.ts';
import { siteHealth } from '../../crawler/health.ts';
import { crawlHandlers, scheduleCrawl } from '../../crawler/job-handlers.ts';
import { sleep } from '../../crawler/limiter.ts';
import { createChromiumRenderer } from '../../crawler/render-chromium.ts';
import { formatCapture, formatCrawlSummary, formatHealth } from '../../crawler/report.ts';
import { runWorker } from '../../crawler/worker.ts';
import type { Analyzer } from '../../import/import-runner.ts';
import { createAnalyzer } from '../../pipeline/analyzer-pool.ts';
import { imageHasher } from '../../pipeline/image-hasher.ts';
import { jobCounts } from '../../store/jobs-repo.ts';
import { dbOption, say, withStore } from '../context.ts';
import { createProgress } from '../progress.ts';

/** Aborts on SIGINT/SIGTERM (graceful stop); returns the signal and a function removing the handlers. */
function stopSignal() {
  const ctl = new AbortController();
  const stop = () => {
    if (!ctl.signal.aborted) say('stopping after the current step (signal received)…');
    ctl.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const dispose = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  return { signal: ctl.signal, dispose };
}

type CrawlOpts = { db?: string; once?: boolean; baseUrl?: string; enqueue?: boolean; threads?: number };

async function crawlCommand(file: string, opts: CrawlOpts) {
  const adapter = await loadAdapter(file, { baseUrl: opts.baseUrl });
  await withStore(opts, async (b) => {
    if (opts.enqueue) {
      const id = await scheduleCrawl(b, adapter, undefined, opts.baseUrl);
      say(
        id ? `queued crawl of ${adapter.name} as job ${id}` : `a crawl of ${adapter.name} is already queued`,
      );
      return;
    }
    const { signal, dispose } = stopSignal();
    const analyzer = await createAnalyzer({ threads: opts.threads });
    try {
      for (;;) {
        const progress = createProgress(`crawl ${adapter.name}`);
        const s: CrawlSummary = await crawlSite({
          backend: b,
          adapter,
          analyzer,
          imageHasher,
          signal,
          createRenderer: createChromiumRenderer,
          onProgress: (p) => progress.update(p.pages, null, `${p.phase}, ${p.errors} errors, ${p.ads} ads`),
          onWarning: (m) => say(`warning: ${m}`),
        });
        progress.stop();
        say(formatCrawlSummary(adapter.name, s));
        if (s.status === 'failed') process.exitCode = 1;
        if (opts.once || signal.aborted) break;
        const minutes = adapter.schedule?.everyMinutes ?? 60;
        say(`next crawl of ${adapter.name} in ${minutes} min (Ctrl-C to stop)`);
        await sleep(minutes * 60_000, signal);
        if (signal.aborted) break;
      }
    } finally {
      dispose();
      await analyzer.close?.();
    }
  });
}

export function register(program: Command): void {
  const crawl = dbOption(
    program
      .command('crawl')
      .description(
        'crawl a site with its adapter file (repeats per its schedule unless --once); `crawl status` for health',
      )
      .argument('<adapter>', 'adapter file (data/adapters/*.json)')
      .option('--once', 'crawl once and exit')
      .option('--enqueue', 'queue the crawl for `vigie worker` instead of running it here')
      .option('--base-url <url>', "override the adapter's baseUrl (mirrors, test sites)")
      .option('--threads <n>', 'analysis worker threads', (v) => Number.parseInt(v, 10)),
  ).action(crawlCommand);
  dbOption(
    crawl
      .command('status')
      .description('per-site health: pages/min, errors, last success; queued jobs')
      .option('--json', 'machine-readable output'),
  ).action(async (_o: unknown, cmd: Command) => {
    // `--db` after `status` is parsed by the parent `crawl` command too: read options with globals.
    const opts = cmd.optsWithGlobals<{ db?: string; json?: boolean }>();
    await withStore(opts, async (b) => {
      const rows = await siteHealth(b);
      const jobs = await jobCounts(b.db);
      if (opts.json) process.stdout.write(`${JSON.stringify({ sites: rows, jobs }, null, 2)}\n`);
      else process.stdout.write(`${formatHealth(rows)}\njobs: ${JSON.stringify(jobs)}\n`);
    });
  });

  dbOption(
    program
      .command('capture')
      .description('capture one page as evidence (an ad found by hand) and store the ad it shows')
      .argument('<url>')
      .option('--adapter <file>', 'read the page with this adapter (default: title and whole text)'),
  ).action(async (url: string, opts: { db?: string; adapter?: string }) => {
    const adapter = opts.adapter ? await loadAdapter(opts.adapter) : undefined;
    await withStore(opts, async (b) => {
      const analyzer = await createAnalyzer({ threads: 0 });
      const r = await capturePage({
        backend: b,
        url,
        adapter,
        analyzer,
        imageHasher,
        createRenderer: createChromiumRenderer,
      });
      say(formatCapture(url, r));
      if (r.outcome === 'not stored') process.exitCode = 1;
    });
  });

  dbOption(
    program
      .command('worker')
      .description('run queued crawls and pipeline jobs until SIGTERM (several workers may share PostgreSQL)')
      .option('--id <name>', 'worker name (default: host-pid)')
      .option('--lease <seconds>', 'job lease, renewed while running', (v) => Number.parseInt(v, 10), 120)
      .option('--poll <seconds>', 'wait between empty polls', (v) => Number.parseFloat(v), 2)
      .option('--drain', 'exit when no job is due'),
  ).action(async (opts: { db?: string; id?: string; lease: number; poll: number; drain?: boolean }) => {
    const id = opts.id ?? `${(await import('node:os')).hostname()}-${process.pid}`;
    await withStore(opts, async (b) => {
      const { signal, dispose } = stopSignal();
      let analyzer: Promise<Analyzer> | undefined;
      say(`worker ${id} on ${b.name} ${b.location}${b.caps.skipLocked ? '' : ' (single worker: SQLite)'}`);
      try {
        const s = await runWorker({
          backend: b,
          id,
          leaseMs: opts.lease * 1000,
          pollMs: opts.poll * 1000,
          drain: opts.drain,
          signal,
          log: say,
          handlers: crawlHandlers({
            analyzer: () => {
              analyzer ??= createAnalyzer();
              return analyzer;
            },
            imageHasher,
          }),
        });
        say(
          `worker ${id} stopped: ${s.done} done, ${s.requeued} requeued, ${s.failed} failed, ${s.lost} lost leases`,
        );
      } finally {
        dispose();
        await (await analyzer)?.close?.();
      }
    });
  });

  const adapters = program.command('adapters').description('write and check site adapters');
  adapters
    .command('validate')
    .description('check adapter files against the schema; errors name the file and field')
    .argument('<files...>')
    .action(async (files: string[]) => {
      for (const f of files) {
        try {
          const a = await loadAdapter(f);
          say(`${f}: OK (${a.name}, ${a.starts.length} start URL(s), hosts ${[...a.hosts].join(', ')})`);
        } catch (e) {
          say((e as Error).message);
          process.exitCode = 1;
        }
      }
    });
  adapters
    .command('test')
    .description('fetch one page with an adapter and show what it extracts (nothing is stored)')
    .argument('<file>')
    .argument('<url>')
    .option('--base-url <url>', "override the adapter's baseUrl")
    .action(async (file: string, url: string, opts: { baseUrl?: string }) => {
      const adapter = await loadAdapter(file, { baseUrl: opts.baseUrl });
      const s = await createSession({
        backend: null,
        adapter,
        runId: null,
        createRenderer: createChromiumRenderer,
      });
      try {
        const page = await s.getPage(url, 'capture');
        const r = page.result;
        const out = {
          url: r.url,
          status: r.status,
          sha256: page.sha256,
          bytes: r.body.byteLength,
          truncated: r.truncated,
          asList: extractListing(page.html, r.url, adapter),
          asAd: extractDetail(page.html, r.url, adapter, r.fetchedAt),
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } catch (e) {
        if (!(e instanceof FetchError)) throw e;
        say(`vigie: ${e.message}`);
        process.exitCode = 1;
      } finally {
        await s.close();
      }
    });
}
