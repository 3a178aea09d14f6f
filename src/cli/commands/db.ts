import type { Command } from 'commander';
import { checkStore } from '../../store/db-check.ts';
import { connect, migrate, resolveDbUrl } from '../../store/open.ts';
import { dbOption, say, withStore } from '../context.ts';

export function register(program: Command): void {
  const db = program.command('db').description('database maintenance');
  dbOption(db.command('migrate').description('create or upgrade the schema')).action(
    async (opts: { db?: string }) => {
      const b = connect(resolveDbUrl(opts.db));
      try {
        const applied = await migrate(b);
        say(applied.length ? `applied: ${applied.join(', ')}` : `${b.location}: schema up to date`);
      } finally {
        await b.close();
      }
    },
  );
  dbOption(
    db
      .command('check')
      .description('verify integrity: capture hashes, versions, engine checks')
      .option('--json', 'machine-readable output'),
  ).action(async (opts: { db?: string; json?: boolean }) => {
    await withStore(opts, async (b) => {
      const r = await checkStore(b);
      if (opts.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else {
        say(`${r.backend} ${b.location}: ${r.ok ? 'OK' : 'PROBLEMS FOUND'}`);
        for (const [t, n] of Object.entries(r.counts)) say(`  ${t}: ${n}`);
        for (const p of r.problems) say(`  problem: ${p}`);
      }
      if (!r.ok) process.exitCode = 1;
    });
  });
}
