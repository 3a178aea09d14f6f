import { appendAudit } from '../store/server-audit-repo.ts';
import type { AppDeps } from './deps.ts';
import type { Principal } from './registry.ts';

/** Appends an audit entry for a caller (or `anonymous`), with the client address. */
export async function auditAs(
  deps: AppDeps,
  principal: Principal | null,
  ip: string | null,
  action: string,
  targetType?: string | null,
  targetId?: string | number | null,
  details?: Record<string, unknown>,
): Promise<void> {
  const who =
    principal === null
      ? { actorId: null, actor: 'anonymous', role: null }
      : principal.kind === 'user'
        ? { actorId: principal.id, actor: principal.username, role: principal.role }
        : { actorId: null, actor: `apikey:${principal.name}`, role: 'apikey' };
  await appendAudit(deps.backend, { ...who, action, targetType, targetId, ip, details }, deps.now());
}
