/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so peak RSS is per benchmark) and prints
 * one JSON object { name: result } on stdout. `npm run bench -- import link` runs only those.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
const results: Record<string, unknown> = {};
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  process.stderr.write(`bench ${name}…\n`);
  const r = spawnSync(process.execPath, [join(here, '..', 'bin', 'run-ts.mjs'), join(here, f)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const out = r.stdout.trim();
  const start = out.lastIndexOf('\n{') + 1;
  try {
    results[name] = JSON.parse(out.slice(start));
  } catch {
    results[name] = { error: `exit ${r.status}`, output: out.slice(-2000) };
  }
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
