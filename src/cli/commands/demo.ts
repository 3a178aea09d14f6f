import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeDemoCorpus } from '../../demo/generate.ts';
import type { Backend } from '../../store/database.ts';
import { dbOption, say, withStore } from '../context.ts';
import { printSummary, runImport } from './import.ts';

export const DEMO_DIR = './data/demo';

/** Generates the synthetic demo corpus (ads, truth, images) into `out` and imports it. */
export async function generateAndImportDemo(
  b: Backend,
  opts: { ads: number; seed: number; out: string; quiet?: boolean },
): Promise<void> {
  const started = Date.now();
  const c = await writeDemoCorpus(opts.out, { ads: opts.ads, seed: opts.seed });
  say(
    `demo corpus: ${c.count} ads, ${c.images} images in ${resolve(opts.out)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  printSummary(await runImport(b, [c.adsFile], { quiet: opts.quiet, link: 'deferred' }));
  say(`ground truth: ${c.truthFile} (vigie eval --truth ${c.truthFile})`);
}

export function register(program: Command): void {
  dbOption(
    program
      .command('demo')
      .description('generate a synthetic, non-explicit demo corpus with ground truth, then import it')
      .option('--ads <n>', 'number of ads', (v) => Number.parseInt(v, 10), 6000)
      .option('--seed <s>', 'random seed (same seed, same corpus)', (v) => Number.parseInt(v, 10), 42)
      .option('--out <dir>', 'where to write ads.jsonl, truth.jsonl and images/', DEMO_DIR)
      .option('--no-import', 'only write the files'),
  ).action(async (opts: { db?: string; ads: number; seed: number; out: string; import: boolean }) => {
    if (!opts.import) {
      const c = await writeDemoCorpus(opts.out, { ads: opts.ads, seed: opts.seed });
      say(`demo corpus: ${c.count} ads, ${c.images} images → ${c.adsFile}, ${c.truthFile}`);
      return;
    }
    await withStore(opts, (b) => generateAndImportDemo(b, opts));
  });
}
