import type { Command } from 'commander';
import { type ImportSummary, importFiles } from '../../import/import-runner.ts';
import { createAnalyzer } from '../../pipeline/analyzer-pool.ts';
import { type LinkMode, importHooks } from '../../pipeline/after-import.ts';
import { VigieError, isVigieError } from '../../core/errors.ts';
import { imageHasher } from '../../pipeline/image-hasher.ts';
import type { Backend } from '../../store/database.ts';
import { dbOption, say, withStore } from '../context.ts';
import { createProgress } from '../progress.ts';

/** Imports files into a store with progress and a printed summary; shared by `import`, `demo` and `start`. */
export async function runImport(
  b: Backend,
  inputs: string[],
  opts: {
    strict?: boolean;
    rejects?: string;
    batchSize?: number;
    quiet?: boolean;
    threads?: number;
    link?: LinkMode;
  },
): Promise<ImportSummary> {
  const hooks = importHooks(b, opts.link ?? 'incremental');
  const analyzer = await createAnalyzer({ threads: opts.threads });
  const progress = opts.quiet ? null : createProgress('import');
  const rejectsPath =
    opts.rejects ?? `./data/rejects/import-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
  try {
    const s = await importFiles(inputs, {
      backend: b,
      analyzer,
      imageHasher,
      afterBatch: hooks.afterBatch,
      strict: opts.strict,
      batchSize: opts.batchSize,
      rejectsPath,
      onProgress: (p) => progress?.update(p.read, p.total, p.file),
      onWarning: (m) => {
        if (!opts.quiet) say(`warning: ${m}`);
      },
    });
    if (!opts.quiet && opts.link === 'deferred') say('linking ads into networks…');
    await hooks.finish();
    return s;
  } finally {
    progress?.stop();
    await analyzer.close?.();
  }
}

/** Prints an import summary on stderr. */
export function printSummary(s: ImportSummary): void {
  say(
    `imported ${s.read} records from ${s.files} file(s): ${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected, ${s.warnings} warnings`,
  );
  for (const r of s.firstRejects) say(`  rejected ${r}`);
  if (s.rejectsPath) say(`rejected records written to ${s.rejectsPath}`);
}

export function register(program: Command): void {
  dbOption(
    program
      .command('import')
      .description('import ad records (JSONL or CSV, gzip or not) from files, folders or - (stdin)')
      .argument('<paths...>', 'files, folders or - for stdin')
      .option('--strict', 'stop at the first rejected record')
      .option('--rejects <file>', 'where rejected records go (JSONL)')
      .option('--batch-size <n>', 'records per transaction', (v) => Number.parseInt(v, 10), 500)
      .option('--threads <n>', 'analysis worker threads (0 = main thread)', (v) => Number.parseInt(v, 10))
      .option(
        '--link <mode>',
        'incremental (each batch), deferred (once at the end, faster in bulk) or none',
        'incremental',
      ),
  ).action(
    async (
      paths: string[],
      opts: {
        db?: string;
        strict?: boolean;
        rejects?: string;
        batchSize: number;
        threads?: number;
        link: string;
      },
    ) => {
      if (!['incremental', 'deferred', 'none'].includes(opts.link)) {
        throw new VigieError(
          'invalid_input',
          `--link must be incremental, deferred or none, got ${opts.link}`,
        );
      }
      await withStore(opts, async (b) => {
        try {
          printSummary(await runImport(b, paths, { ...opts, link: opts.link as LinkMode }));
        } catch (e) {
          if (isVigieError(e, 'invalid_record')) {
            say(`import stopped (--strict): ${e.message}`);
            process.exitCode = 1;
            return;
          }
          throw e;
        }
      });
    },
  );
}
