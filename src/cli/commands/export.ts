import type { Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { csvHeader, csvRow, exportAds } from '../../export/export-ads.ts';
import type { Backend } from '../../store/database.ts';
import { dbOption, say, withStore } from '../context.ts';
import { writeLines } from '../output.ts';

/** Export lines of every ad in the chosen format. */
export async function* adExportLines(b: Backend, format: string): AsyncGenerator<string> {
  if (format === 'csv') yield csvHeader();
  for await (const l of exportAds(b)) yield format === 'csv' ? csvRow(l) : JSON.stringify(l);
}

export function register(program: Command): Command {
  const exp = program.command('export').description('export data (ads; clusters once linking has run)');
  dbOption(
    exp
      .command('ads')
      .description('one line per ad (latest version): identifiers, city, cluster, scores, indicators')
      .option('--format <f>', 'jsonl or csv', 'jsonl')
      .option('--out <file>', 'write to a file instead of stdout'),
  ).action(async (opts: { db?: string; format: string; out?: string }) => {
    if (opts.format !== 'jsonl' && opts.format !== 'csv') {
      throw new VigieError('invalid_input', `--format must be jsonl or csv, got ${opts.format}`);
    }
    await withStore(opts, async (b) => {
      const n = await writeLines(adExportLines(b, opts.format), opts.out);
      say(`exported ${n} ads${opts.out ? ` to ${opts.out}` : ''}`);
    });
  });
  return exp;
}
