/** Typed calls to the server's /api/v1 routes (one function per route the app uses). */
import type { AdFilters } from '../lib/filters.ts';
import { toApiQuery } from '../lib/filters.ts';
import { qs, request, send } from './client.ts';
import type {
  AdDetail,
  AdPage,
  Alert,
  ApiKey,
  AuditEntry,
  CaseDetail,
  CaseSummary,
  ContactLog,
  NetworkDetail,
  NetworkSummary,
  OutreachItem,
  OutreachTemplate,
  Page,
  Retention,
  Role,
  SearchResult,
  Session,
  Stats,
  User,
  Watch,
} from './types.ts';

type Sig = { signal?: AbortSignal };

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

  networks: (f: AdFilters, o: Sig = {}) => request<Page<NetworkSummary>>(`/networks?${toApiQuery(f)}`, o),
  network: (id: string, o: Sig = {}) => request<NetworkDetail>(`/networks/${encodeURIComponent(id)}`, o),

  search: (q: string, page: number, o: Sig = {}) => request<SearchResult>(`/search${qs({ q, page })}`, o),

  watches: (o: Sig = {}) => request<Watch[]>('/watchlists', o),
  addWatch: (kind: string, value: string, label?: string) =>
    request<Watch>('/watchlists', { method: 'POST', body: { kind, value, label } }),
  removeWatch: (id: number) => request<void>(`/watchlists/${id}`, { method: 'DELETE' }),
  alerts: (o: Sig = {}) => request<Page<Alert>>('/alerts', o),
  ackAlert: (id: number) => request<void>(`/alerts/${id}/ack`, { method: 'POST' }),

  cases: (o: Sig = {}) => request<CaseSummary[]>('/cases', o),
  createCase: (title: string, description?: string) =>
    request<CaseSummary>('/cases', { method: 'POST', body: { title, description } }),
  caseDetail: (id: string, o: Sig = {}) => request<CaseDetail>(`/cases/${encodeURIComponent(id)}`, o),
  addCaseNote: (id: number, body: string) =>
    request<void>(`/cases/${id}/notes`, { method: 'POST', body: { body } }),
  addCaseItems: (id: number, items: { kind: 'ad' | 'network'; ref: string }[]) =>
    request<void>(`/cases/${id}/items`, { method: 'POST', body: { items } }),
  setCaseStatus: (id: number, status: string) =>
    request<void>(`/cases/${id}`, { method: 'PATCH', body: { status } }),
  exportCase: (id: number) => send(`/cases/${id}/export`, { method: 'POST' }),

  outreachQueue: (o: Sig = {}) => request<Page<OutreachItem>>('/outreach/queue', o),
  outreachTemplates: (o: Sig = {}) => request<OutreachTemplate[]>('/outreach/templates', o),
  contacts: (adId: number | undefined, o: Sig = {}) =>
    request<ContactLog[]>(`/outreach/contacts${qs({ adId })}`, o),
  logContact: (c: { adId: number; templateId?: string; outcome: string; note?: string; channel?: string }) =>
    request<ContactLog>('/outreach/contacts', { method: 'POST', body: c }),

  stats: (f: { from?: string; to?: string }, o: Sig = {}) => request<Stats>(`/stats${qs(f)}`, o),

  users: (o: Sig = {}) => request<User[]>('/admin/users', o),
  createUser: (username: string, role: Role) =>
    request<{ user: User; password: string }>('/admin/users', { method: 'POST', body: { username, role } }),
  updateUser: (id: number, patch: { role?: Role; disabled?: boolean }) =>
    request<void>(`/admin/users/${id}`, { method: 'PATCH', body: patch }),
  apiKeys: (o: Sig = {}) => request<ApiKey[]>('/admin/apikeys', o),
  createApiKey: (label: string) =>
    request<{ key: ApiKey; secret: string }>('/admin/apikeys', { method: 'POST', body: { label } }),
  revokeApiKey: (id: number) => request<void>(`/admin/apikeys/${id}`, { method: 'DELETE' }),
  retention: (o: Sig = {}) => request<Retention>('/admin/retention', o),
  setRetention: (days: number | null) =>
    request<Retention>('/admin/retention', { method: 'PUT', body: { days } }),

  audit: (p: { actor?: string; action?: string; from?: string; to?: string; page?: number }, o: Sig = {}) =>
    request<Page<AuditEntry>>(`/audit${qs(p)}`, o),
};
