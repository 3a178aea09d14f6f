import { z } from 'zod/v4';
import { type AuditRow, listAudit, verifyAudit } from '../../store/server-audit-repo.ts';
import { type AnyRoute, route } from '../registry.ts';
import { AUDIT } from '../roles.ts';
import { isoDate, limit } from '../schemas.ts';

const Filter = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
});

const present = (r: AuditRow) => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  actorId: r.actor_id,
  role: r.role,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  ip: r.ip,
  details: r.details ? (JSON.parse(r.details) as unknown) : null,
  prevHash: r.prev_hash,
  hash: r.hash,
});

const CSV_COLS = [
  'seq',
  'at',
  'actor',
  'role',
  'action',
  'targetType',
  'targetId',
  'ip',
  'details',
  'prevHash',
  'hash',
] as const;
const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The audit log: auditors only, read-only (there is no route that changes it). */
export const auditRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary: 'Audit entries, newest first; page with before=<seq>',
    access: AUDIT,
    query: Filter.extend({ before: z.coerce.number().int().positive().optional(), limit: limit(1000, 100) }),
    async handler({ deps, query }) {
      const rows = await listAudit(deps.backend.db, { ...query, beforeSeq: query.before });
      return {
        items: rows.map(present),
        nextBefore: rows.length === query.limit ? rows[rows.length - 1].seq : null,
      };
    },
  }),
  route({
    method: 'get',
    path: '/audit/verify',
    tag: 'audit',
    summary: 'Recompute the hash chain; names the first broken entry',
    access: AUDIT,
    async handler({ deps, audit }) {
      const v = await verifyAudit(deps.backend);
      await audit('audit_verify', 'audit', null, { ok: v.ok, entries: v.entries });
      return v;
    },
  }),
  route({
    method: 'get',
    path: '/audit/export',
    tag: 'audit',
    summary: 'Export matching entries, oldest first (format=jsonl|csv), with hashes for independent checking',
    access: AUDIT,
    query: Filter.extend({ format: z.enum(['jsonl', 'csv']).default('jsonl') }),
    produces: 'application/x-ndjson',
    async handler({ c, deps, query, audit }) {
      await audit('audit_export', 'audit', null, { ...query });
      const lines: string[] = query.format === 'csv' ? [CSV_COLS.join(',')] : [];
      let after = 0;
      for (;;) {
        const rows = await listAudit(deps.backend.db, {
          ...query,
          afterSeq: after,
          order: 'asc',
          limit: 5000,
        });
        for (const r of rows) {
          const p = present(r);
          lines.push(query.format === 'csv' ? CSV_COLS.map((k) => cell(p[k])).join(',') : JSON.stringify(p));
        }
        if (rows.length < 5000) break;
        after = rows[rows.length - 1].seq;
      }
      const type = query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson';
      return c.body(`${lines.join('\n')}\n`, 200, {
        'Content-Type': type,
        'Content-Disposition': `attachment; filename="vigie-audit.${query.format}"`,
      });
    },
  }),
];
