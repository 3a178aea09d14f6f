import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildRecord } from '../test-support/build.ts';

const BIN = resolve(import.meta.dirname, '../../bin/vigie.mjs');

function count(db: string, table: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

describe('import killed with kill -9', () => {
  it('stores every record exactly once after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-kill-'));
    const file = join(dir, 'ads.jsonl');
    const n = 4000;
    const lines = Array.from({ length: n }, (_, i) =>
      JSON.stringify(
        buildRecord({
          id: `k${i}`,
          body: `Annonce numéro ${i}, disponible, appelez le 06 39 98 ${String(i % 100).padStart(2, '0')} 12.`,
        }),
      ),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const db = join(dir, 'v.db');
    // Linking is not what this test is about; it is tested on its own.
    const args = [BIN, 'import', file, '--db', db, '--batch-size', '100', '--threads', '0', '--link', 'none'];

    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    // Kill it in the middle: once some batches are committed but well before the end.
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const stored = count(db, 'ads');
      if (stored >= 300 || child.exitCode !== null) break;
    }
    const storedAtKill = count(db, 'ads');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(storedAtKill).toBeGreaterThan(0);
    expect(storedAtKill).toBeLessThan(n);

    const again = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(again.status, again.stderr).toBe(0);
    expect(count(db, 'ads')).toBe(n);
    expect(count(db, 'ad_versions')).toBe(n);
    expect(count(db, 'captures')).toBe(n);
    const check = spawnSync(process.execPath, [BIN, 'db', 'check', '--db', db], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });
});
