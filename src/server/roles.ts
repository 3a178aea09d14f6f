import type { Role } from '../store/schema-server.ts';

/** Who may call what: every route names one of these (or `public` / `apikey`). */
export const ALL_ROLES: readonly Role[] = ['admin', 'analyst', 'outreach', 'auditor'];
/** Investigation: ads, networks, search, images, watchlists, cases, evidence. */
export const INVESTIGATE: readonly Role[] = ['analyst'];
/** Outreach queue and contact logs (analysts too: they may hand over a contact). */
export const OUTREACH: readonly Role[] = ['outreach', 'analyst'];
/** Aggregate statistics: no personal data. */
export const STATS: readonly Role[] = ['analyst', 'admin'];
export const ADMIN: readonly Role[] = ['admin'];
export const AUDIT: readonly Role[] = ['auditor'];
