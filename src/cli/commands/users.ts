import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { resetPassword, setDisabled, createUser } from '../../server/users.ts';
import type { Backend } from '../../store/database.ts';
import type { Role } from '../../store/schema-server.ts';
import { appendAudit } from '../../store/server-audit-repo.ts';
import { ROLES, findUserByName, listUsers } from '../../store/server-users-repo.ts';
import { dbOption, say, withStore } from '../context.ts';

/** Who ran a CLI command, for the audit log. */
export const cliActor = () => ({ actorId: null, actor: `cli:${userInfo().username}`, role: 'cli' });

async function mustFind(b: Backend, username: string) {
  const u = await findUserByName(b.db, username.toLowerCase());
  if (!u) throw new VigieError('not_found', `no user ${username}`);
  return u;
}

export function register(program: Command): Command {
  const users = program
    .command('users')
    .description('user accounts (roles: admin, analyst, outreach, auditor)');
  dbOption(
    users
      .command('add <username>')
      .description('create a user; prints a one-time password unless --password-stdin is given')
      .requiredOption('--role <role>', ROLES.join(' | '))
      .option('--name <displayName>', 'display name')
      .option('--password-stdin', 'read the password from standard input'),
  ).action(
    async (username: string, opts: { db?: string; role: string; name?: string; passwordStdin?: boolean }) => {
      if (!ROLES.includes(opts.role as Role))
        throw new VigieError('invalid_input', `--role must be one of ${ROLES.join(', ')}`);
      const password = opts.passwordStdin ? await readStdin() : undefined;
      await withStore(opts, async (b) => {
        const { user, password: pw } = await createUser(b, {
          username,
          role: opts.role as Role,
          password,
          displayName: opts.name,
        });
        await appendAudit(b, {
          ...cliActor(),
          action: 'user_created',
          targetType: 'user',
          targetId: user.id,
          details: { username: user.username, role: user.role },
        });
        say(`created ${user.username} (${user.role})`);
        if (!password) process.stdout.write(`one-time password: ${pw}\n`);
      });
    },
  );
  dbOption(users.command('list').description('list users').option('--json', 'machine-readable')).action(
    async (opts: { db?: string; json?: boolean }) => {
      await withStore(opts, async (b) => {
        const rows = await listUsers(b.db);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(rows.map(({ password_hash: _h, ...u }) => u))}\n`);
          return;
        }
        for (const u of rows) {
          const state = u.disabled
            ? 'disabled'
            : u.locked_until && u.locked_until > new Date().toISOString()
              ? `locked until ${u.locked_until}`
              : 'active';
          process.stdout.write(`${u.id}\t${u.username}\t${u.role}\t${state}\n`);
        }
      });
    },
  );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    dbOption(
      users
        .command(`${name} <username>`)
        .description(`${name} an account${disabled ? ' (ends its sessions)' : ''}`),
    ).action(async (username: string, opts: { db?: string }) => {
      await withStore(opts, async (b) => {
        const u = await mustFind(b, username);
        await setDisabled(b, u.id, disabled);
        await appendAudit(b, {
          ...cliActor(),
          action: disabled ? 'user_disabled' : 'user_enabled',
          targetType: 'user',
          targetId: u.id,
        });
        say(`${u.username} ${disabled ? 'disabled' : 'enabled'}`);
      });
    });
  }
  dbOption(
    users
      .command('reset-password <username>')
      .description('set a new one-time password, unlock, end sessions'),
  ).action(async (username: string, opts: { db?: string }) => {
    await withStore(opts, async (b) => {
      const u = await mustFind(b, username);
      const pw = await resetPassword(b, u.id);
      await appendAudit(b, { ...cliActor(), action: 'password_reset', targetType: 'user', targetId: u.id });
      process.stdout.write(`one-time password for ${u.username}: ${pw}\n`);
    });
  });
  return users;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
