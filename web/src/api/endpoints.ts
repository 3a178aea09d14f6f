/** Typed calls to the server's /api/v1 routes (docs/API.md, /api/v1/openapi.json). */
import type { AdFilters } from '../lib/filters.ts';
import { toApiQuery } from '../lib/filters.ts';
import { qs, request, send } from './client.ts';
import { type ServerNetwork, adaptNetwork } from './network-adapter.ts';
import type {
  AdDetail,
  AdPage,
  Alert,
  ApiKey,
  AuditEntry,
  CaseDetail,
  CaseSummary,
  ContactLog,
  Items,
  NetworkSummary,
  OutreachItem,
  Page,
  Role,
  Session,
  Settings,
  Stats,
  TemplateLanguage,
  User,
  Watch,
} from './types.ts';

type Sig = { signal?: AbortSignal };

/** Network list sort: the server ranks networks by size, recency or highest scores. */
function networkQuery(f: AdFilters): string {
  const sort =
    f.sort === 'recent' ? 'recent' : f.sort === 'control' ? 'control' : f.sort === 'minor' ? 'minor' : 'size';
  return qs({
    sort,
    from: f.from,
    to: f.to,
    departement: f.place && f.place.length <= 3 ? f.place : undefined,
    limit: f.pageSize,
    offset: f.page > 1 ? (f.page - 1) * f.pageSize : undefined,
  });
}

export const api = {
  session: (o: Sig = {}) => request<Session>('/auth/me', { ...o, quiet401: true }),
  login: (username: string, password: string) =>
    request<Session>('/auth/login', { method: 'POST', body: { username, password }, quiet401: true }),
  logout: () => request<void>('/auth/logout', { method: 'POST' }),

  ads: (f: AdFilters, o: Sig = {}) => request<AdPage>(`/ads?${toApiQuery(f)}`, o),
  /** Full text (`q`) or identifier search (a phone in any format, e-mail, @handle, image hash). */
  searchAds: (params: { q?: string; identifier?: string; offset?: number; limit?: number }, o: Sig = {}) =>
    request<AdPage>(`/ads${qs({ ...params, sort: 'recent' })}`, o),
  ad: (id: string, o: Sig = {}) => request<AdDetail>(`/ads/${encodeURIComponent(id)}`, o),
  markReviewed: (ids: number[], reviewed = true) =>
    request<{ updated: number }>('/ads/review', { method: 'POST', body: { ids, reviewed } }),
  /** The server-blurred thumbnail; fetching it is recorded in the audit log. */
  imageThumb: (adId: number, ord: number) => send(`/ads/${adId}/images/${ord}/thumb`),
  imageOriginal: (adId: number, ord: number, reason: string) =>
    send(`/ads/${adId}/images/${ord}/original${qs({ reason })}`),

  networks: (f: AdFilters, o: Sig = {}) => request<Page<NetworkSummary>>(`/networks${networkQuery(f)}`, o),
  network: async (id: string, o: Sig = {}) =>
    adaptNetwork(await request<ServerNetwork>(`/networks/${encodeURIComponent(id)}`, o)),

  watches: (o: Sig = {}) => request<Items<Watch>>('/watchlists', o),
  addWatch: (kind: string, value: string, label?: string) =>
    request<{ id: number; value: string }>('/watchlists', { method: 'POST', body: { kind, value, label } }),
  removeWatch: (id: number) => request<void>(`/watchlists/${id}`, { method: 'DELETE' }),
  alerts: (o: Sig = {}) => request<Items<Alert>>('/alerts', o),
  markAlertsSeen: (ids: number[]) => request<void>('/alerts/seen', { method: 'POST', body: { ids } }),

  cases: (o: Sig = {}) => request<Items<CaseSummary>>('/cases', o),
  createCase: (title: string, description?: string) =>
    request<CaseSummary>('/cases', { method: 'POST', body: { title, description } }),
  caseDetail: (id: string, o: Sig = {}) => request<CaseDetail>(`/cases/${encodeURIComponent(id)}`, o),
  addCaseNote: (id: number, body: string) =>
    request<void>(`/cases/${id}/notes`, { method: 'POST', body: { body } }),
  addCaseItems: (id: number, items: { kind: 'ad' | 'network'; ref: string }[]) =>
    request<void>(`/cases/${id}/items`, { method: 'POST', body: { items } }),
  removeCaseItem: (id: number, kind: 'ad' | 'network', ref: string) =>
    request<void>(`/cases/${id}/items/${kind}/${encodeURIComponent(ref)}`, { method: 'DELETE' }),
  setCaseStatus: (id: number, status: string) =>
    request<void>(`/cases/${id}`, { method: 'PATCH', body: { status } }),
  exportCase: (id: number) => send(`/cases/${id}/export.zip`),
  pharosReport: (id: number) => send(`/cases/${id}/pharos?format=text`),

  outreachQueue: (page: number, o: Sig = {}) =>
    request<Page<OutreachItem>>(
      `/outreach/queue${qs({ limit: 100, offset: page > 1 ? (page - 1) * 100 : undefined })}`,
      o,
    ),
  outreachTemplates: (o: Sig = {}) => request<{ languages: TemplateLanguage[] }>('/outreach/templates', o),
  contacts: (adId: number | undefined, o: Sig = {}) =>
    request<Items<ContactLog>>(`/outreach/contacts${qs({ adId })}`, o),
  logContact: (c: {
    adId: number;
    templateId?: string;
    lang?: string;
    outcome: string;
    note?: string;
    channel: string;
  }) => request<{ id: number }>('/outreach/contacts', { method: 'POST', body: c }),

  stats: (f: { from?: string; to?: string }, o: Sig = {}) => request<Stats>(`/stats${qs(f)}`, o),

  users: (o: Sig = {}) => request<Items<User>>('/admin/users', o),
  createUser: (username: string, role: Role) =>
    request<{ user: User; oneTimePassword: string | null }>('/admin/users', {
      method: 'POST',
      body: { username, role },
    }),
  updateUser: (id: number, patch: { role?: Role; disabled?: boolean }) =>
    request<void>(`/admin/users/${id}`, { method: 'PATCH', body: patch }),
  resetPassword: (id: number) =>
    request<{ oneTimePassword: string }>(`/admin/users/${id}/reset-password`, { method: 'POST' }),
  apiKeys: (o: Sig = {}) => request<Items<ApiKey>>('/admin/apikeys', o),
  createApiKey: (name: string) =>
    request<{ id: number; name: string; prefix: string; key: string }>('/admin/apikeys', {
      method: 'POST',
      body: { name },
    }),
  revokeApiKey: (id: number) => request<void>(`/admin/apikeys/${id}`, { method: 'DELETE' }),
  settings: (o: Sig = {}) => request<Settings>('/admin/settings', o),
  saveSettings: (s: Partial<Settings>) => request<void>('/admin/settings', { method: 'PUT', body: s }),
  purge: (days: number, dryRun: boolean) =>
    request<{ cutoff: string; ads: number; captures: number; dryRun: boolean }>('/admin/retention/purge', {
      method: 'POST',
      body: { days, dryRun },
    }),

  audit: (p: { actor?: string; action?: string; from?: string; to?: string; before?: number }, o: Sig = {}) =>
    request<{ items: AuditEntry[]; nextBefore: number | null }>(`/audit${qs({ ...p, limit: 100 })}`, o),
  verifyAudit: () => request<{ ok: boolean; entries: number; firstBroken?: unknown }>('/audit/verify'),
  exportAudit: (p: { actor?: string; action?: string; from?: string; to?: string }) =>
    send(`/audit/export${qs({ ...p, format: 'csv' })}`),
};
