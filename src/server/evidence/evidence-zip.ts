import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Backend } from '../../store/database.ts';
import { type CaseEvidence, collectCaseEvidence } from './collect.ts';
import { htmlReport } from './html-report.ts';
import { pharosReport, pharosText } from './pharos.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
export const captureFile = (id: number) => `captures/capture-${id}.txt`;

export interface EvidencePackage {
  zip: Uint8Array;
  /** SHA-256 of manifest.json: recorded in the audit log, so the package can be checked against it later. */
  manifestSha256: string;
  zipSha256: string;
  evidence: CaseEvidence;
  fileName: string;
}

/**
 * The evidence ZIP of a case: report.html, case.json, pharos.json/.txt, every raw capture exactly as
 * received (its SHA-256 equals the stored capture hash), and manifest.json listing the SHA-256 of every
 * file and capture. Deterministic for a given case state and time.
 */
export async function buildEvidenceZip(
  b: Backend,
  caseId: number,
  meta: { generatedBy: string; now: Date },
): Promise<EvidencePackage> {
  const evidence = await collectCaseEvidence(b, caseId);
  const generatedAt = meta.now.toISOString();
  const files: Record<string, Uint8Array> = {};
  const captures: {
    captureId: number;
    adId: number;
    version: number;
    file: string;
    sha256: string;
    receivedAt: string;
    origin: string;
  }[] = [];
  for (const a of evidence.ads) {
    for (const c of a.captures) {
      const f = captureFile(c.captureId);
      files[f] = strToU8(c.raw);
      captures.push({
        captureId: c.captureId,
        adId: a.id,
        version: c.version,
        file: f,
        sha256: c.sha256,
        receivedAt: c.receivedAt,
        origin: c.origin,
      });
    }
  }
  const slim = {
    ...evidence,
    ads: evidence.ads.map((a) => ({ ...a, captures: a.captures.map(({ raw: _raw, ...rest }) => rest) })),
  };
  files['case.json'] = strToU8(
    JSON.stringify({ generatedAt, generatedBy: meta.generatedBy, ...slim }, null, 2),
  );
  const pharos = pharosReport(evidence, generatedAt);
  files['pharos.json'] = strToU8(JSON.stringify(pharos, null, 2));
  files['pharos.txt'] = strToU8(pharosText(pharos));
  files['report.html'] = strToU8(
    htmlReport(evidence, { generatedAt, generatedBy: meta.generatedBy, captureFile }),
  );
  const manifest = {
    generatedAt,
    generatedBy: meta.generatedBy,
    case: { id: evidence.case.id, title: evidence.case.title },
    algorithm: 'SHA-256',
    files: Object.keys(files)
      .sort()
      .map((path) => ({ path, sha256: sha256(files[path]), bytes: files[path].length })),
    captures,
  };
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2));
  files['manifest.json'] = manifestBytes;
  const mtime = new Date(Math.floor(meta.now.getTime() / 2000) * 2000);
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([p, d]) => [p, [d, { mtime }]])), {
    level: 6,
  });
  return {
    zip,
    manifestSha256: sha256(manifestBytes),
    zipSha256: sha256(zip),
    evidence,
    fileName: `vigie-case-${caseId}-${generatedAt.slice(0, 10)}.zip`,
  };
}
