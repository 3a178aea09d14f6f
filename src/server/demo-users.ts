import type { Backend } from '../store/database.ts';
import type { Role } from '../store/schema-server.ts';
import { findUserByName } from '../store/server-users-repo.ts';
import { appendAudit } from '../store/server-audit-repo.ts';
import { createUser } from './users.ts';

/** The demo accounts: one per role, the analyst first (it is the one the console shows first). */
export const DEMO_USERS: readonly { username: string; role: Role }[] = [
  { username: 'demo-analyst', role: 'analyst' },
  { username: 'demo-outreach', role: 'outreach' },
  { username: 'demo-admin', role: 'admin' },
  { username: 'demo-auditor', role: 'auditor' },
];

export interface DemoCredentials {
  username: string;
  password: string;
  role: Role;
  /** The other demo accounts created now, with their one-time passwords. */
  others: { username: string; password: string; role: Role }[];
}

/**
 * Creates the demo accounts that do not exist yet, with random one-time passwords (to print once on the
 * console). Returns null when the demo analyst already existed (nothing new to print).
 */
export async function ensureDemoUser(backend: Backend): Promise<DemoCredentials | null> {
  const created: { username: string; password: string; role: Role }[] = [];
  for (const d of DEMO_USERS) {
    if (await findUserByName(backend.db, d.username)) continue;
    const { password } = await createUser(backend, { username: d.username, role: d.role });
    created.push({ username: d.username, password, role: d.role });
    await appendAudit(backend, {
      actorId: null,
      actor: 'system:demo',
      role: null,
      action: 'user_created',
      targetType: 'user',
      targetId: d.username,
      details: { role: d.role, demo: true },
    });
  }
  const analyst = created.find((c) => c.role === 'analyst');
  if (!analyst) return null;
  return { ...analyst, others: created.filter((c) => c !== analyst) };
}
