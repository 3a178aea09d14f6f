import type { Command } from 'commander';
import { appendAudit, listAudit, verifyAudit } from '../../store/server-audit-repo.ts';
import { dbOption, say, withStore } from '../context.ts';
import { writeLines } from '../output.ts';
import { cliActor } from './users.ts';

export function register(program: Command): Command {
  const audit = program.command('audit').description('the tamper-evident audit log');
  dbOption(
    audit
      .command('verify')
      .description('recompute the hash chain; names the first broken entry')
      .option('--json', 'machine-readable'),
  ).action(async (opts: { db?: string; json?: boolean }) => {
    await withStore(opts, async (b) => {
      const v = await verifyAudit(b);
      if (opts.json) process.stdout.write(`${JSON.stringify(v)}\n`);
      else if (v.ok) say(`audit log OK: ${v.entries} entries, chain intact`);
      else
        say(
          `audit log BROKEN at entry ${v.firstBroken?.seq}: ${v.firstBroken?.reason} (${v.entries} entries verified before it)`,
        );
      if (!v.ok) process.exitCode = 1;
    });
  });
  dbOption(
    audit
      .command('export')
      .description('write entries as JSON lines, oldest first, with their hashes')
      .option('--from <iso>', 'from this time')
      .option('--to <iso>', 'before this time')
      .option('--actor <name>')
      .option('--action <action>')
      .option('--out <file>', 'write to a file instead of stdout'),
  ).action(
    async (opts: {
      db?: string;
      from?: string;
      to?: string;
      actor?: string;
      action?: string;
      out?: string;
    }) => {
      await withStore(opts, async (b) => {
        await appendAudit(b, {
          ...cliActor(),
          action: 'audit_export',
          targetType: 'audit',
          details: { from: opts.from, to: opts.to, actor: opts.actor, action: opts.action },
        });
        async function* lines() {
          let after = 0;
          for (;;) {
            const rows = await listAudit(b.db, {
              from: opts.from,
              to: opts.to,
              actor: opts.actor,
              action: opts.action,
              afterSeq: after,
              order: 'asc',
              limit: 5000,
            });
            for (const r of rows) yield JSON.stringify(r);
            if (rows.length < 5000) return;
            after = rows[rows.length - 1].seq;
          }
        }
        const n = await writeLines(lines(), opts.out);
        say(`exported ${n} audit entries${opts.out ? ` to ${opts.out}` : ''}`);
      });
    },
  );
  return audit;
}
