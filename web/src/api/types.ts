/**
 * Shapes of the server's JSON answers as the app uses them (see docs/API.md). Domain shapes come from
 * core types; anything the server may omit is optional so screens degrade to "—" instead of crashing.
 */
import type { Extraction, IndicatorHit, Scores } from '../../../src/core/types.ts';
import type { Role } from '../lib/router.ts';

export type { Extraction, IndicatorHit, Role, Scores };

export interface User {
  id: number;
  username: string;
  role: Role;
  displayName?: string | null;
  disabled?: boolean;
  lockedUntil?: string | null;
  mustChangePassword?: boolean;
  createdAt?: string;
}

export interface Session {
  user: User;
  csrfToken?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Items<T> {
  items: T[];
}

/** One ad in a list (server: src/server/ads/present.ts `adSummary`). */
export interface AdSummary {
  id: number;
  source: string;
  sourceId?: string;
  title?: string | null;
  snippet?: string | null;
  url?: string | null;
  postedAt?: string | null;
  firstSeen?: string | null;
  lastSeen?: string | null;
  deletedAt?: string | null;
  city?: string | null;
  insee?: string | null;
  departement?: string | null;
  category?: string | null;
  scores: Scores;
  cluster?: string | null;
  reviewed?: boolean;
  phones?: string[];
  /** Indicator codes (`category.name`). */
  indicators?: string[];
}

export interface AdPage {
  items: AdSummary[];
  nextCursor?: string | null;
  total: number | null;
}

export interface AdVersion {
  version: number;
  contentSha256: string;
  createdAt: string;
  capture: { id: number; sha256: string; receivedAt: string; origin?: string | null; kind?: string | null };
}

export interface AdImage {
  ord: number;
  status?: string;
  sha256?: string | null;
  phash?: string | null;
  /** Server-blurred thumbnail (viewing it is audited). */
  thumbUrl?: string | null;
}

export interface LinkReasonText {
  kind: string;
  reason: string;
  via?: string | null;
  weight?: number | null;
}

export interface LinkedAd {
  id: number;
  source?: string;
  title?: string | null;
  city?: string | null;
  firstSeen?: string | null;
  cluster?: string | null;
  reasons: LinkReasonText[];
}

/** One ad in full (server: src/server/ads/ad-detail.ts). */
export interface AdDetail {
  id: number;
  source: string;
  sourceId?: string;
  version?: number;
  contentSha256?: string;
  title?: string | null;
  body: string;
  url?: string | null;
  postedAt?: string | null;
  capturedAt?: string | null;
  firstSeen?: string | null;
  lastSeen?: string | null;
  deletedAt?: string | null;
  place?: { name: string; insee?: string | null; departement?: string | null } | null;
  lang?: string | null;
  cluster?: string | null;
  reviewed?: boolean;
  scores: Scores;
  entities?: Extraction | null;
  indicators: IndicatorHit[];
  versions?: AdVersion[];
  images?: AdImage[];
  linked?: LinkedAd[];
  cases?: { id: number; title: string; status: string }[];
}

/** A network in the list (server: src/server/networks/network-list.ts). */
export interface NetworkSummary {
  id: string;
  size: number;
  firstSeen?: string | null;
  lastSeen?: string | null;
  scores?: Scores;
  places?: number;
  departements?: number;
}

export interface GraphNode {
  id: string;
  kind: string;
  label: string;
  adId?: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind?: string;
}

export interface NetworkStop {
  city: string;
  first: string | number;
  last: string | number;
  sightings: number;
  lat?: number;
  lon?: number;
}

export interface TemplateInfo {
  template: string;
  slots: { key: string; label: string; values: { value: string; count: number }[] }[];
  support?: number;
}

export interface LinkReason {
  a: number | null;
  b: number | null;
  kind: string;
  reason: string;
  via?: string | null;
  weight?: number | null;
  strong?: boolean;
}

/** A network as the screen uses it (built from the server answer by network-adapter.ts). */
export interface NetworkDetail {
  id: string;
  size: number;
  firstSeen?: string | null;
  lastSeen?: string | null;
  scores?: Scores;
  phones: number;
  personas: { name: string; ads: number; phones: string[]; cities: string[] }[];
  cities: string[];
  members: AdSummary[];
  identifiers: { kind: string; value: string; ads: number }[];
  movement: { stops: NetworkStop[]; distanceKm?: number };
  template: TemplateInfo | null;
  links: LinkReason[];
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  timeline: { day: string; city: string; count: number }[];
}

export interface Watch {
  id: number;
  kind: 'phone' | 'email' | 'handle' | 'image' | 'search' | string;
  value: string;
  label?: string | null;
  active?: boolean;
  createdAt?: string;
}

export interface Alert {
  id: number;
  createdAt: string;
  seenAt?: string | null;
  watchlist: { id: number; label?: string | null; kind: string };
  ad: AdSummary;
}

export interface CaseSummary {
  id: number;
  title: string;
  description?: string | null;
  status: 'open' | 'in_progress' | 'closed' | string;
  assigneeId?: number | null;
  createdBy?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface CaseNote {
  id: number;
  author?: string | null;
  body: string;
  createdAt: string;
}

export interface CaseDetail extends CaseSummary {
  ads: AdSummary[];
  networks: { id: string; addedAt?: string }[];
  notes: CaseNote[];
}

export interface ControllerWarningInfo {
  mayReachController: boolean;
  reasons: { code: string; detail: string }[];
}

/** One person in the outreach queue (server: src/server/routes/outreach.ts). */
export interface OutreachItem {
  id: number;
  source?: string;
  url?: string | null;
  title?: string | null;
  body?: string;
  city?: string | null;
  departement?: string | null;
  lang?: string | null;
  firstSeen?: string | null;
  lastSeen?: string | null;
  possibleMinor?: boolean;
  phones: string[];
  emails?: string[];
  handles?: string[];
  warning?: ControllerWarningInfo;
  contacts?: { attempts: number; lastOutcome: string | null; lastAt: string | null };
}

export interface TemplateLanguage {
  lang: string;
  label: string;
  note?: string;
  templates: { id: string; name: string; text: string }[];
  resources: { name: string; contact: string; description?: string; url?: string }[];
}

export interface ContactLog {
  id: number;
  adId: number;
  by?: string | null;
  channel?: string;
  templateId?: string | null;
  lang?: string | null;
  outcome: string;
  note?: string | null;
  createdAt: string;
}

export interface Stats {
  perWeek: { week: string; ads: number; minor?: number }[];
  perDepartement: { departement: string | null; ads: number; minor?: number }[];
  perSource: { source: string; ads: number }[];
  minorShare: { ads: number; withMinorIndicators: number; share?: number };
  networkSizes: { size: number; networks: number }[];
}

export interface ApiKey {
  id: number;
  name: string;
  prefix?: string;
  createdAt?: string;
  revokedAt?: string | null;
  lastUsedAt?: string | null;
}

export interface Settings {
  retentionDays: number | null;
  webhookUrls?: string[];
  outreachCategories?: string[] | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor?: string | null;
  role?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: unknown;
  prevHash?: string;
  hash?: string;
}
