/**
 * Evidence for newly stored ads, found through indexed lookups: shared identifiers (with hub
 * suppression), near-identical images (pHash bands) and near-duplicate texts (LSH bands).
 */
import {
  type HubVerdict,
  type IdentifierLinkKind,
  type Occurrence,
  assessHub,
  identifierReason,
} from '../core/link/graph.ts';
import { hamming, phashBandKeys } from '../core/link/image-match.ts';
import type { EvidenceLink, LinkSignals, SuppressedIdentifier } from '../core/link/link-ads.ts';
import { estimateJaccard, signatureFromBytes } from '../core/link/minhash.ts';
import type { Analysis } from '../core/types.ts';
import type { DbOrTx } from '../store/database.ts';
import {
  type LinkAdRow,
  adTime,
  identifierCounts,
  identifierOccurrences,
  identifiersOfAds,
  imageBandCandidates,
  inChunks,
  loadAds,
  textBandCandidates,
  textSignatures,
} from '../store/link-repo.ts';
import type { LinkRunOptions } from './options.ts';
import { stageClock } from './stage-clock.ts';
import { ALL_ON } from '../core/link/link-ads.ts';

export interface EvidenceInput {
  ads: LinkAdRow[];
  sigs: Map<number, { sig: Uint32Array; bands: number[] }>;
  phashes: { ad_id: number; phash: string }[];
  stoplist: ReadonlySet<string>;
}

export interface Evidence {
  links: EvidenceLink[];
  suppressed: SuppressedIdentifier[];
  /** Rows of every ad involved (new ads and their candidates). */
  rows: Map<number, LinkAdRow>;
}

const IDENT_KINDS: IdentifierLinkKind[] = ['phone', 'email', 'handle', 'image'];

/** Names extracted from the ads (persona evidence). */
export async function namesOf(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  await inChunks([...new Set(ids)], 500, async (c) => {
    const rows = await db.selectFrom('ads').select(['id', 'analysis']).where('id', 'in', c).execute();
    for (const r of rows) {
      if (!r.analysis) continue;
      const a = JSON.parse(r.analysis) as Partial<Analysis>;
      out.set(r.id, [...new Set((a.extraction?.names ?? []).map((n) => n.name.toLowerCase()))]);
    }
  });
  return out;
}

/** Find the evidence linking `input.ads` to stored ads (and to each other). */
export async function findEvidence(
  db: DbOrTx,
  input: EvidenceInput,
  o: LinkRunOptions,
  timings: Record<string, number> = {},
): Promise<Evidence> {
  const { lap } = stageClock(timings);
  const sig: LinkSignals = { ...ALL_ON, ...o.signals };
  const hub = { ...o.hub, stopList: new Set([...(o.hub.stopList ?? []), ...input.stoplist]) };
  const newIds = new Set(input.ads.map((a) => a.id));
  const rows = new Map(input.ads.map((a) => [a.id, a]));
  const links: EvidenceLink[] = [];
  const suppressed: SuppressedIdentifier[] = [];
  const pairs = new Set<string>();
  const push = (l: EvidenceLink) => {
    const k = `${Math.min(l.a, l.b)}|${Math.max(l.a, l.b)}|${l.kind}|${l.via ?? ''}`;
    if (l.a === l.b || pairs.has(k)) return;
    pairs.add(k);
    links.push(l);
  };
  const judge = (kind: IdentifierLinkKind, value: string, occ: Occurrence[]): HubVerdict => {
    if (!sig.hubs) return { suppressed: false, ads: occ.length, cities: 0 };
    const v = assessHub(kind, value, occ, hub);
    if (v.suppressed) suppressed.push({ kind, value, reason: v.reason!, ads: v.ads });
    return v;
  };

  // 1. Shared identifiers.
  const own = (await identifiersOfAds(db, [...newIds])).filter(
    (x) => sig[x.kind as IdentifierLinkKind] !== false,
  );
  const toLoad: { kind: string; value: string }[] = [];
  const maxAds = o.hub.maxAds ?? 400;
  for (const kind of IDENT_KINDS) {
    const values = [...new Set(own.filter((x) => x.kind === kind).map((x) => x.value))];
    if (values.length === 0) continue;
    const counts = await identifierCounts(db, kind, values);
    for (const v of values) {
      const n = counts.get(v) ?? 0;
      if (n < 2) continue;
      if (sig.hubs && n > maxAds) {
        suppressed.push({ kind, value: v, reason: `suppressed: shared by ${n} ads`, ads: n });
        continue;
      }
      toLoad.push({ kind, value: v });
    }
  }
  const occ = await identifierOccurrences(db, toLoad);
  // Contacts of each ad: its phones, else its e-mails and handles (persona proxy for hub checks).
  const phonesOf = new Map<number, string[]>();
  const addPhones = async (ids: number[]) => {
    const need = [...new Set(ids)].filter((id) => !phonesOf.has(id));
    const other = new Map<number, string[]>();
    for (const id of need) phonesOf.set(id, []);
    for (const r of await identifiersOfAds(db, need)) {
      if (r.kind === 'phone') phonesOf.get(r.ad_id)!.push(r.value);
      else if (r.kind === 'email' || r.kind === 'handle')
        other.set(r.ad_id, [...(other.get(r.ad_id) ?? []), r.value]);
    }
    for (const [id, list] of other) if (phonesOf.get(id)!.length === 0) phonesOf.set(id, list);
  };
  await addPhones(occ.map((r) => r.ad_id));
  const groups = new Map<string, typeof occ>();
  for (const r of occ) {
    const k = `${r.kind}:${r.value}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  for (const [key, list] of groups) {
    const kind = list[0]!.kind as IdentifierLinkKind;
    const value = list[0]!.value;
    const verdict = judge(
      kind,
      value,
      list.map((r) => ({ adId: r.ad_id, city: r.city_name, at: r.t, contacts: phonesOf.get(r.ad_id) })),
    );
    if (verdict.suppressed) continue;
    list.sort((x, y) => x.t - y.t || x.ad_id - y.ad_id);
    list.forEach((r, i) => {
      if (!newIds.has(r.ad_id)) return;
      const other = list[i - 1] ?? list[i + 1];
      if (!other) return;
      const reason = identifierReason(kind, value);
      push({
        a: other.ad_id,
        b: r.ad_id,
        kind,
        weight: kind === 'image' ? 0.85 : kind === 'handle' ? 0.9 : 1,
        strong: true,
        reason,
        via: key,
      });
    });
  }

  lap('evidence_identifiers');

  // 2. Near-identical images.
  const candidateIds = new Set<number>();
  if (sig.image && input.phashes.length > 0) {
    const keys = input.phashes.flatMap((p) => phashBandKeys(p.phash));
    const cands = await imageBandCandidates(db, keys);
    const near = new Map<string, { ad: number; phash: string; d: number; from: number }[]>();
    for (const p of input.phashes) {
      const bands = new Set(phashBandKeys(p.phash));
      for (const c of cands) {
        if (c.ad_id === p.ad_id || !bands.has(c.band_key)) continue;
        const d = hamming(p.phash, c.phash);
        if (d > o.imageMaxDistance) continue;
        if (!near.has(p.phash)) near.set(p.phash, []);
        near.get(p.phash)!.push({ ad: c.ad_id, phash: c.phash, d, from: p.ad_id });
        candidateIds.add(c.ad_id);
      }
    }
    for (const r of await loadAds(
      db,
      [...candidateIds].filter((id) => !rows.has(id)),
    ))
      rows.set(r.id, r);
    for (const [ph, list] of near) {
      const ads = new Map<number, number>();
      for (const x of list) ads.set(x.ad, adTime(rows.get(x.ad)!));
      for (const p of input.phashes) if (p.phash === ph) ads.set(p.ad_id, adTime(rows.get(p.ad_id)!));
      const occ2 = [...ads].map(([adId, at]) => ({
        adId,
        at,
        city: rows.get(adId)?.city_name,
        contacts: phonesOf.get(adId),
      }));
      if (judge('image', ph, occ2).suppressed) continue;
      for (const x of list) {
        const reason = x.d === 0 ? 'same image (pHash)' : `similar image (pHash distance ${x.d})`;
        push({ a: x.ad, b: x.from, kind: 'image', weight: 0.8, strong: true, reason, via: `image:${ph}` });
      }
    }
  }

  lap('evidence_images');

  // 3. Near-duplicate texts.
  if (sig.text || sig.persona) {
    const wanted = new Map<number, Map<number, number>>();
    const keys = [...input.sigs.values()].flatMap((s) => s.bands);
    const byKey = new Map<number, number[]>();
    for (const r of await textBandCandidates(db, keys)) {
      if (!byKey.has(r.band_key)) byKey.set(r.band_key, []);
      byKey.get(r.band_key)!.push(r.ad_id);
    }
    // Buckets whose ads carry many different contacts are boilerplate: they link nothing. Contacts are
    // read a slice at a time, so a boilerplate bucket is usually judged on its first few dozen ads.
    const open = new Map<number, { list: number[]; seen: Set<string>; next: number }>();
    for (const [k, list] of byKey) if (list.length > 2) open.set(k, { list, seen: new Set(), next: 0 });
    const STEP = 32;
    while (open.size > 0) {
      await addPhones([...open.values()].flatMap((x) => x.list.slice(x.next, x.next + STEP)));
      for (const [k, x] of open) {
        // An ad without any contact counts as a persona of its own.
        for (const id of x.list.slice(x.next, x.next + STEP)) {
          const c = phonesOf.get(id);
          if (c?.length) for (const v of c) x.seen.add(v);
          else x.seen.add(`ad:${id}`);
        }
        x.next += STEP;
        if (x.seen.size > o.textMaxContacts) byKey.delete(k);
        if (x.seen.size > o.textMaxContacts || x.next >= Math.min(x.list.length, 300)) open.delete(k);
      }
    }
    for (const [id, s] of input.sigs) {
      const shared = new Map<number, number>();
      for (const k of s.bands)
        for (const c of byKey.get(k) ?? []) if (c !== id) shared.set(c, (shared.get(c) ?? 0) + 1);
      const top = [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, o.textCandidates);
      wanted.set(id, new Map(top));
    }
    const need = [...new Set([...wanted.values()].flatMap((m) => [...m.keys()]))].filter(
      (c) => !input.sigs.has(c),
    );
    const stored = await textSignatures(db, need);
    const sigOf = (id: number) =>
      input.sigs.get(id)?.sig ?? (stored.has(id) ? signatureFromBytes(stored.get(id)!.sig) : null);
    const weak: { a: number; b: number; s: number }[] = [];
    for (const [id, cands] of wanted) {
      const mine = input.sigs.get(id)!.sig;
      for (const c of cands.keys()) {
        const other = sigOf(c);
        if (!other) continue;
        const s = estimateJaccard(mine, other);
        if (s < o.textWeak) continue;
        if (sig.text && s >= o.textStrong) {
          push({
            a: c,
            b: id,
            kind: 'text',
            weight: s,
            strong: true,
            reason: `text ${s.toFixed(2)} similar to ad ${c}`,
          });
        } else weak.push({ a: c, b: id, s });
      }
    }
    lap('evidence_text');
    if (weak.length > 0) {
      const names = await namesOf(
        db,
        weak.flatMap((w) => [w.a, w.b]),
      );
      for (const w of weak) {
        const name = (names.get(w.a) ?? []).find((n) => (names.get(w.b) ?? []).includes(n));
        const sim = w.s.toFixed(2);
        if (sig.persona && name && w.s >= o.personaMin) {
          const reason = `persona continuity: same name "${name}" and text ${sim} similar to ad ${w.a}`;
          push({ a: w.a, b: w.b, kind: 'persona', weight: w.s, strong: true, reason });
        } else if (sig.text) {
          push({
            a: w.a,
            b: w.b,
            kind: 'text',
            weight: w.s * 0.5,
            strong: false,
            reason: `text ${sim} similar to ad ${w.a}`,
          });
        }
      }
    }
  }
  lap('evidence_persona');
  await annotatePhoneChanges(db, links);
  const missing = [...new Set(links.flatMap((l) => [l.a, l.b]))].filter((id) => !rows.has(id));
  for (const r of await loadAds(db, missing)) rows.set(r.id, r);
  return { links, suppressed, rows };
}

/** Add "persona continuity: phone changed A → B" to non-phone strong links between ads with disjoint phones. */
async function annotatePhoneChanges(db: DbOrTx, links: EvidenceLink[]) {
  const targets = links.filter(
    (l) => l.strong && (l.kind === 'image' || l.kind === 'text' || l.kind === 'persona'),
  );
  if (targets.length === 0) return;
  const phones = new Map<number, string[]>();
  for (const r of await identifiersOfAds(db, [...new Set(targets.flatMap((l) => [l.a, l.b]))])) {
    if (r.kind !== 'phone') continue;
    phones.set(r.ad_id, [...(phones.get(r.ad_id) ?? []), r.value]);
  }
  for (const l of targets) {
    const pa = phones.get(l.a) ?? [];
    const pb = phones.get(l.b) ?? [];
    if (pa.length === 0 || pb.length === 0 || pa.some((p) => pb.includes(p))) continue;
    if (!l.reason.includes('phone changed'))
      l.reason += ` — persona continuity: phone changed ${pa[0]} → ${pb[0]}`;
  }
}
