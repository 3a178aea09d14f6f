import type { Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { createApiKey } from '../../server/apikeys.ts';
import { listApiKeys, revokeApiKey } from '../../store/server-apikeys-repo.ts';
import { appendAudit } from '../../store/server-audit-repo.ts';
import { dbOption, say, withStore } from '../context.ts';
import { cliActor } from './users.ts';

export function register(program: Command): Command {
  const keys = program
    .command('apikeys')
    .description('API keys for ad-platform moderators (scoring endpoint only)');
  dbOption(keys.command('create <name>').description('create a key; prints its secret once')).action(
    async (name: string, opts: { db?: string }) => {
      await withStore(opts, async (b) => {
        const k = await createApiKey(b, name, null);
        await appendAudit(b, {
          ...cliActor(),
          action: 'apikey_created',
          targetType: 'apikey',
          targetId: k.id,
          details: { name },
        });
        say(`created API key ${k.id} (${k.name}); store the secret now, it is not shown again:`);
        process.stdout.write(`${k.key}\n`);
      });
    },
  );
  dbOption(keys.command('revoke <id>').description('revoke a key')).action(
    async (id: string, opts: { db?: string }) => {
      const n = Number.parseInt(id, 10);
      if (!Number.isInteger(n)) throw new VigieError('invalid_input', `not a key id: ${id}`);
      await withStore(opts, async (b) => {
        if (!(await revokeApiKey(b.db, n))) throw new VigieError('not_found', `no active API key ${id}`);
        await appendAudit(b, { ...cliActor(), action: 'apikey_revoked', targetType: 'apikey', targetId: n });
        say(`revoked API key ${n}`);
      });
    },
  );
  dbOption(keys.command('list').description('list keys (never their secrets)')).action(
    async (opts: { db?: string }) => {
      await withStore(opts, async (b) => {
        for (const k of await listApiKeys(b.db))
          process.stdout.write(
            `${k.id}\t${k.name}\t${k.prefix}…\t${k.revoked_at ? `revoked ${k.revoked_at}` : 'active'}\n`,
          );
      });
    },
  );
  return keys;
}
