import type { Command } from 'commander';
import type { Backend } from '../store/database.ts';
import { openStore, resolveDbUrl } from '../store/open.ts';

/** Adds the `--db` option every command that touches the store accepts. */
export function dbOption(cmd: Command): Command {
  return cmd.option(
    '--db <url>',
    'SQLite file or postgres:// URL (default: $DATABASE_URL, $VIGIE_DB or ./data/vigie.db)',
  );
}

/** Opens and migrates the store named by `--db` / the environment, runs `fn`, then closes it. */
export async function withStore<T>(opts: { db?: string }, fn: (b: Backend) => Promise<T>): Promise<T> {
  const b = await openStore(resolveDbUrl(opts.db));
  try {
    return await fn(b);
  } finally {
    await b.close();
  }
}

/** Writes to stderr (progress, warnings), keeping stdout for data. */
export function say(msg: string): void {
  process.stderr.write(`${msg}\n`);
}
