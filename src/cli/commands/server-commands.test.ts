import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedAds } from '../../server/test-support.ts';
import { openStore } from '../../store/open.ts';
import { register as registerApikeys } from './apikeys.ts';
import { register as registerAudit } from './audit.ts';
import { register as registerCase } from './case.ts';
import { register as registerUsers } from './users.ts';

let db: string;
let dir: string;

async function run(...args: string[]): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out.push(String(s));
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const program = new Command('vigie').exitOverride();
  for (const r of [registerUsers, registerApikeys, registerAudit, registerCase]) r(program);
  try {
    await program.parseAsync(['node', 'vigie', ...args, '--db', db]);
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
  return out.join('');
}

describe('server CLI commands', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
    db = join(dir, 'v.db');
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('adds, lists, disables and resets users, all audited', async () => {
    expect(await run('users', 'add', 'Eve', '--role', 'analyst')).toMatch(/one-time password: \S{20}/);
    await expect(run('users', 'add', 'x', '--role', 'boss')).rejects.toThrow(/role/);
    expect(await run('users', 'list')).toMatch(/eve\tanalyst\tactive/);
    await run('users', 'disable', 'eve');
    expect(await run('users', 'list')).toMatch(/eve\tanalyst\tdisabled/);
    expect(await run('users', 'reset-password', 'eve')).toMatch(/one-time password for eve: \S{20}/);
    const v = JSON.parse(await run('audit', 'verify', '--json')) as { ok: boolean; entries: number };
    expect(v).toMatchObject({ ok: true, entries: 3 });
  });

  it('creates and revokes API keys', async () => {
    expect(await run('apikeys', 'create', 'platform')).toMatch(/^vk_/);
    expect(await run('apikeys', 'list')).toMatch(/platform\tvk_.*active/);
    await run('apikeys', 'revoke', '1');
    expect(await run('apikeys', 'list')).toMatch(/revoked/);
  });

  it('exports a case as an evidence ZIP and the audit log as JSON lines', async () => {
    const b = await openStore(db);
    try {
      const [ad] = await seedAds(b, [{ record: { id: 'c1' } }]);
      const user = await b.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
      const t = new Date().toISOString();
      const c = await b.db
        .insertInto('cases')
        .values({
          title: 'T',
          description: null,
          status: 'open',
          assignee_id: null,
          created_by: user.id,
          created_at: t,
          updated_at: t,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await b.db
        .insertInto('case_items')
        .values({ case_id: c.id, kind: 'ad', ref: String(ad), added_by: user.id, added_at: t })
        .execute();
      const out = join(dir, 'case.zip');
      await run('case', 'export', String(c.id), '--out', out);
      expect(existsSync(out)).toBe(true);
    } finally {
      await b.close();
    }
    const lines = (await run('audit', 'export'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string });
    expect(lines.map((l) => l.action)).toContain('export_case');
  });

  it('audit verify names the first broken entry and fails', async () => {
    const b = await openStore(db);
    await sql`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`.execute(b.db);
    await b.close();
    const out = await run('audit', 'verify', '--json');
    expect(JSON.parse(out)).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
    expect(process.exitCode).toBe(1);
  });
});
