import type { Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { exportClusters } from '../../link/export-clusters.ts';
import { linkPending } from '../../link/link-pending.ts';
import { signalsWithout } from '../../link/options.ts';
import { rebuildLinks } from '../../link/rebuild.ts';
import { refreshDirtyClusters } from '../../link/summaries.ts';
import { addToStoplist } from '../../store/link-repo.ts';
import { dbOption, say, withStore } from '../context.ts';
import { writeLines } from '../output.ts';

interface LinkOpts {
  db?: string;
  rebuild?: boolean;
  without?: string;
  stop?: string[];
  summaries: boolean;
}

function parseStops(list: string[] | undefined) {
  return (list ?? []).map((s) => {
    const cut = s.indexOf(':');
    const kind = s.slice(0, cut);
    if (cut <= 0 || !['phone', 'email', 'handle', 'image'].includes(kind)) {
      throw new VigieError(
        'invalid_input',
        `--stop expects kind:value with kind phone|email|handle|image, got "${s}"`,
      );
    }
    return { kind, value: s.slice(cut + 1) };
  });
}

/**
 * `vigie link [--rebuild]` and `vigie export clusters`. Call after the `export` command is registered
 * (it adds `clusters` to the existing `export` command when there is one).
 */
export function register(program: Command): Command {
  const link = dbOption(
    program
      .command('link')
      .description('link ads into networks (new and changed ads; --rebuild recomputes everything)')
      .option(
        '--rebuild',
        'recompute signatures, links and clusters for all ads (cluster ids kept where they overlap)',
      )
      .option(
        '--without <signals>',
        'switch signals off, comma-separated: phone,email,handle,image,text,persona,travel,split,hubs',
      )
      .option(
        '--stop <kind:value...>',
        'add identifiers to the stop-list (never used for merging), e.g. phone:+33199000000',
      )
      .option('--no-summaries', 'do not recompute cluster summaries (templates, movement) now'),
  ).action(async (opts: LinkOpts) => {
    const signals = (() => {
      try {
        return signalsWithout(opts.without);
      } catch (e) {
        throw new VigieError('invalid_input', (e as Error).message);
      }
    })();
    const stops = parseStops(opts.stop);
    await withStore(opts, async (b) => {
      if (stops.length > 0) await addToStoplist(b.db, stops);
      const started = Date.now();
      const result = opts.rebuild
        ? await rebuildLinks(b, {
            signals,
            onProgress: (stage, done, total) => {
              if (done % 50_000 < 5000 || done === total) say(`${stage}: ${done}/${total}`);
            },
          })
        : await linkPending(b, { signals, onProgress: (n) => n % 5000 === 0 && say(`linked ${n} ads`) });
      const summaries = opts.summaries ? await refreshDirtyClusters(b) : 0;
      const out = 'timings' in result ? result : { ads: result.ads, events: result.events.length };
      process.stdout.write(`${JSON.stringify({ ...out, summaries, ms: Date.now() - started })}\n`);
    });
  });

  const exp =
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description('export data');
  dbOption(
    exp
      .command('clusters')
      .description(
        'one line per network: ads, identifiers, personas, cities timeline, tours, scores, template, link reasons',
      )
      .option('--format <f>', 'jsonl', 'jsonl')
      .option('--out <file>', 'write to a file instead of stdout'),
  ).action(async (opts: { db?: string; format: string; out?: string }) => {
    if (opts.format !== 'jsonl')
      throw new VigieError('invalid_input', `--format must be jsonl, got ${opts.format}`);
    await withStore(opts, async (b) => {
      async function* lines() {
        for await (const c of exportClusters(b)) yield JSON.stringify(c);
      }
      const n = await writeLines(lines(), opts.out);
      say(`exported ${n} clusters${opts.out ? ` to ${opts.out}` : ''}`);
    });
  });
  return link;
}
