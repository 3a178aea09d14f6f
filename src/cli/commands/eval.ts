import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { evaluate, formatReport } from '../../core/eval/evaluate.ts';
import type { AdExportLine, TruthLine } from '../../core/types.ts';
import { exportAds } from '../../export/export-ads.ts';
import { dbOption, withStore } from '../context.ts';

/** Reads a JSONL file, naming the file and line of anything that is not JSON. */
async function readJsonl<T>(file: string): Promise<T[]> {
  const out: T[] = [];
  let n = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    n++;
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch (e) {
      throw new VigieError('invalid_input', `${file}:${n}: invalid JSON: ${(e as Error).message}`);
    }
  }
  return out;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('eval')
      .description('measure extraction, linking and scoring against a ground truth (truth.jsonl)')
      .requiredOption('--truth <file>', 'ground truth JSONL (as written by vigie demo)')
      .option('--pred <file>', 'predictions (vigie export ads JSONL); default: export the current database')
      .option('--json', 'machine-readable output'),
  ).action(async (opts: { db?: string; truth: string; pred?: string; json?: boolean }) => {
    const truth = await readJsonl<TruthLine>(opts.truth);
    let pred: AdExportLine[];
    if (opts.pred) pred = await readJsonl<AdExportLine>(opts.pred);
    else {
      pred = [];
      await withStore(opts, async (b) => {
        for await (const l of exportAds(b)) pred.push(l);
      });
    }
    const report = evaluate(truth, pred);
    process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  });
}
