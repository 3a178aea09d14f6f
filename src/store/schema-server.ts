import type { Generated } from 'kysely';

/** The four human roles; API keys are a separate principal that may only call the scoring endpoint. */
export type Role = 'admin' | 'analyst' | 'outreach' | 'auditor';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  /** argon2id PHC string. */
  password_hash: string;
  role: Role;
  disabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  must_change_password: Generated<number>;
  created_at: string;
  password_changed_at: string;
}

/** Server-side sessions; `id` is the SHA-256 of the cookie token, so a database leak yields no live cookie. */
export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  /** First characters of the key, shown to admins to tell keys apart. */
  prefix: string;
  /** SHA-256 (hex) of the full key. */
  key_hash: string;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** Append-only, hash-chained audit log. `seq` is assigned by the writer (1, 2, 3 …) without gaps. */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: number | null;
  actor: string;
  role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

/** One row (id = 1): the last sequence number and hash, so a truncated tail is detected too. */
export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

export interface WatchlistsTable {
  id: Generated<number>;
  owner_id: number;
  kind: 'phone' | 'email' | 'handle' | 'image' | 'search';
  /** Normalised identifier (E.164, lower-case email, `platform:handle`, image SHA-256) or search JSON. */
  value: string;
  label: string | null;
  webhook_url: string | null;
  active: Generated<number>;
  created_at: string;
}

export interface AlertsTable {
  id: Generated<number>;
  watchlist_id: number;
  ad_id: number;
  created_at: string;
  seen_at: string | null;
}

export interface CasesTable {
  id: Generated<number>;
  title: string;
  description: string | null;
  status: 'open' | 'in_progress' | 'closed';
  assignee_id: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface CaseItemsTable {
  case_id: number;
  kind: 'ad' | 'network';
  ref: string;
  added_by: number;
  added_at: string;
}

export interface CaseNotesTable {
  id: Generated<number>;
  case_id: number;
  author_id: number;
  body: string;
  created_at: string;
}

/** Contact attempts by outreach workers: what was sent, through which channel, and the outcome. */
export interface OutreachLogTable {
  id: Generated<number>;
  ad_id: number;
  user_id: number;
  channel: string;
  template_id: string | null;
  lang: string | null;
  outcome: string;
  note: string | null;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: string;
  updated_by: number | null;
}

/** Indicator codes of each ad's latest analysis (filled by triggers on `ads`; see server-indicator-index.ts). */
export interface AdIndicatorsTable {
  ad_id: number;
  code: string;
}

/** Tables owned by the server stage. */
export interface ServerTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  watchlists: WatchlistsTable;
  alerts: AlertsTable;
  cases: CasesTable;
  case_items: CaseItemsTable;
  case_notes: CaseNotesTable;
  outreach_log: OutreachLogTable;
  settings: SettingsTable;
  ad_indicators: AdIndicatorsTable;
}
