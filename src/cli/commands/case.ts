import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { buildEvidenceZip } from '../../server/evidence/evidence-zip.ts';
import { appendAudit } from '../../store/server-audit-repo.ts';
import { dbOption, say, withStore } from '../context.ts';
import { cliActor } from './users.ts';

export function register(program: Command): Command {
  const c = program.command('case').description('cases');
  dbOption(
    c
      .command('export <id>')
      .description(
        'evidence ZIP of a case: HTML report, raw captures, manifest.json of SHA-256 hashes, JSON, Pharos report',
      )
      .option('--out <file>', 'ZIP file to write (default: vigie-case-<id>-<date>.zip)'),
  ).action(async (id: string, opts: { db?: string; out?: string }) => {
    const n = Number.parseInt(id, 10);
    if (!Number.isInteger(n) || n <= 0) throw new VigieError('invalid_input', `not a case id: ${id}`);
    await withStore(opts, async (b) => {
      const actor = cliActor();
      const p = await buildEvidenceZip(b, n, { generatedBy: actor.actor, now: new Date() });
      const out = opts.out ?? p.fileName;
      await writeFile(out, p.zip);
      await appendAudit(b, {
        ...actor,
        action: 'export_case',
        targetType: 'case',
        targetId: n,
        details: {
          format: 'zip',
          file: out,
          ads: p.evidence.ads.length,
          manifestSha256: p.manifestSha256,
          zipSha256: p.zipSha256,
        },
      });
      say(
        `wrote ${out}: ${p.evidence.ads.length} ads; manifest SHA-256 ${p.manifestSha256}; ZIP SHA-256 ${p.zipSha256}`,
      );
    });
  });
  return c;
}
