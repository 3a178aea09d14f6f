import type { Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { startServer } from '../../server/start.ts';
import { openStore, resolveDbUrl } from '../../store/open.ts';
import { dbOption, say } from '../context.ts';

export function register(program: Command): Command {
  return dbOption(
    program
      .command('serve')
      .description('serve the API and the web app (sign-in required; see `vigie users add`)')
      .option(
        '--host <host>',
        'address to bind (use a reverse proxy with TLS for anything but localhost)',
        '127.0.0.1',
      )
      .option('--port <port>', 'port', '8080'),
  ).action(async (opts: { db?: string; host: string; port: string }) => {
    const port = Number.parseInt(opts.port, 10);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new VigieError('invalid_input', `--port: ${opts.port}`);
    const backend = await openStore(resolveDbUrl(opts.db));
    const s = await startServer({ backend, host: opts.host, port });
    say(`Vigie listening on ${s.url} (${backend.location})`);
    const stop = async () => {
      await s.close();
      await backend.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
