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
  displayName?: string;
  disabled?: boolean;
  lastLoginAt?: string | null;
  createdAt?: string;
}

export interface Session {
  user: User;
  csrfToken?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
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

export interface NetworkSummary {
  id: string;
  size: number;
  phones?: number;
  personas?: number;
  cities?: number | string[];
  firstSeen?: string | null;
  lastSeen?: string | null;
  scores?: Scores;
  risk?: number;
  label?: string | null;
}

export interface GraphNode {
  id: string;
  kind: 'ad' | 'phone' | 'email' | 'handle' | 'image' | 'persona' | string;
  label: string;
  adId?: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: string;
  reason?: string;
  weight?: number;
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
  a: number;
  b: number;
  kind: string;
  reason: string;
  weight?: number;
  strong?: boolean;
}

export interface NetworkDetail extends NetworkSummary {
  members: AdSummary[];
  identifiers?: { kind: string; value: string; ads: number }[];
  movement?: { stops: NetworkStop[]; distanceKm?: number; distinctCities?: number };
  template?: TemplateInfo | null;
  links?: LinkReason[];
  graph?: { nodes: GraphNode[]; edges: GraphEdge[] };
  timeline?: { day: string; city: string; count: number }[];
}

export interface SearchResult extends Page<AdSummary> {
  /** How the query was understood, e.g. a normalised phone. */
  interpreted?: { kind: string; value: string }[];
}

export interface Watch {
  id: number;
  kind: 'phone' | 'email' | 'handle' | 'image' | 'search' | 'ad' | string;
  value: string;
  label?: string | null;
  createdAt?: string;
  alerts?: number;
}

export interface Alert {
  id: number;
  watchId?: number;
  watchLabel?: string | null;
  adId?: number | null;
  title?: string | null;
  createdAt: string;
  seenAt?: string | null;
  acknowledged?: boolean;
}

export interface CaseSummary {
  id: number;
  title: string;
  status: 'open' | 'closed' | string;
  assignee?: string | null;
  createdAt?: string;
  updatedAt?: string;
  items?: number;
}

export interface CaseNote {
  id: number;
  author: string;
  body: string;
  createdAt: string;
}

export interface CaseItem {
  kind: 'ad' | 'network' | string;
  ref: string;
  title?: string | null;
  addedAt?: string;
  addedBy?: string;
}

export interface CaseDetail extends Omit<CaseSummary, 'items'> {
  description?: string | null;
  notes: CaseNote[];
  items: CaseItem[];
}

export interface OutreachItem {
  adId: number;
  title?: string | null;
  city?: string | null;
  phone?: string | null;
  language?: string | null;
  capturedAt?: string | null;
  /** Set when the contact may belong to a third party (phone shared by personas, text for someone else). */
  mayReachController: boolean;
  warnings?: string[];
  lastContact?: { at: string; outcome: string } | null;
}

export interface OutreachTemplate {
  id: string;
  language: string;
  title: string;
  body: string;
  resources?: string[];
}

export interface ContactLog {
  id: number;
  adId: number;
  at: string;
  by?: string;
  channel?: string;
  templateId?: string | null;
  outcome: string;
  note?: string | null;
}

export interface Stats {
  perWeek: { week: string; ads: number; minor?: number }[];
  perDepartement: { departement: string; ads: number; name?: string }[];
  perSource: { source: string; ads: number }[];
  minorShare: { total: number; withMinor: number; share?: number };
  networkSizes: { size: number | string; networks: number }[];
}

export interface ApiKey {
  id: number;
  label: string;
  prefix?: string;
  createdAt?: string;
  revokedAt?: string | null;
  lastUsedAt?: string | null;
}

export interface Retention {
  days: number | null;
  lastPurgeAt?: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor?: string | null;
  action: string;
  target?: string | null;
  ip?: string | null;
  hash?: string;
  details?: unknown;
}
