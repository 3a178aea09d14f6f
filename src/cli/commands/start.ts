import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { ensureDemoUser } from '../../server/demo-users.ts';
import { startServer } from '../../server/start.ts';
import { openStore, resolveDbUrl } from '../../store/open.ts';
import { dbOption, say } from '../context.ts';
import { DEMO_DIR, generateAndImportDemo } from './demo.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Builds the web app with Vite when web/dist is missing (first start on a fresh clone). */
function ensureWebBuilt(): void {
  if (existsSync(`${ROOT}web/dist/index.html`)) return;
  say('building the web app (first start)…');
  const r = spawnSync(
    process.execPath,
    [`${ROOT}node_modules/vite/bin/vite.js`, 'build', '--config', `${ROOT}web/vite.config.ts`],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

export function register(program: Command): void {
  dbOption(
    program
      .command('start')
      .description(
        'what `npm start` does: migrate, import the demo corpus if the database is empty, serve on 127.0.0.1',
      )
      .option('--port <port>', 'port', '8080')
      .option(
        '--ads <n>',
        'size of the demo corpus when the database is empty',
        (v) => Number.parseInt(v, 10),
        6000,
      ),
  ).action(async (opts: { db?: string; port: string; ads: number }) => {
    ensureWebBuilt();
    const backend = await openStore(resolveDbUrl(opts.db));
    say(`database: ${backend.location}`);
    const n = await backend.db
      .selectFrom('ads')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n.n) === 0) {
      say(`empty database: generating and importing a synthetic demo corpus of ${opts.ads} ads…`);
      await generateAndImportDemo(backend, { ads: opts.ads, seed: 42, out: DEMO_DIR });
    }
    const creds = await ensureDemoUser(backend);
    const s = await startServer({ backend, port: Number.parseInt(opts.port, 10), demo: true });
    say('');
    say(`Vigie is running on ${s.url} (demo mode: bound to 127.0.0.1 only)`);
    if (creds) {
      say('Demo accounts — one-time passwords, shown once:');
      for (const c of [creds, ...creds.others])
        say(`  ${c.role.padEnd(9)} ${c.username.padEnd(14)} ${c.password}`);
    } else {
      say('Demo accounts already exist; to get a new password: npx vigie users reset-password demo-analyst');
    }
    const stop = async () => {
      await s.close();
      await backend.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
