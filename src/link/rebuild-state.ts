/**
 * Compact in-memory state of `vigie link --rebuild`: typed arrays indexed by a dense ad index, a
 * union-find over those indexes, and the links found so far (written to the store in batches).
 */
import type { LinkKind } from '../core/link/graph.ts';
import type { Backend } from '../store/database.ts';

/** Union-find over dense indexes 0..n-1 (path halving, union by size). */
export class DenseUnionFind {
  readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number, from?: DenseUnionFind) {
    this.parent = from ? from.parent.slice() : new Int32Array(n);
    this.size = from ? from.size.slice() : new Int32Array(n).fill(1);
    if (!from) for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  /** A copy, to keep the components of a stage while later stages go on uniting. */
  clone(): DenseUnionFind {
    return new DenseUnionFind(this.parent.length, this);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb];
  }
}

const KINDS: readonly LinkKind[] = ['phone', 'email', 'handle', 'image', 'text', 'persona', 'travel'];

/** Growable typed columns of links between dense indexes. */
export class LinkColumns {
  length = 0;
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  via = new Int32Array(1024);
  weight = new Float64Array(1024);
  strong = new Uint8Array(1024);
  kindCode = new Uint8Array(1024);

  push(a: number, b: number, kind: LinkKind, weight: number, strong: boolean, via: number) {
    if (this.length === this.a.length) this.grow();
    const l = this.length++;
    this.a[l] = a;
    this.b[l] = b;
    this.via[l] = via;
    this.weight[l] = weight;
    this.strong[l] = strong ? 1 : 0;
    this.kindCode[l] = KINDS.indexOf(kind);
  }

  kind(l: number): LinkKind {
    return KINDS[this.kindCode[l]!]!;
  }

  private grow() {
    const size = Math.ceil(this.a.length * 1.5);
    const more = <T extends Int32Array | Float64Array | Uint8Array>(x: T): T => {
      const y = new (x.constructor as new (n: number) => T)(size);
      y.set(x);
      return y;
    };
    this.a = more(this.a);
    this.b = more(this.b);
    this.via = more(this.via);
    this.weight = more(this.weight);
    this.strong = more(this.strong);
    this.kindCode = more(this.kindCode);
  }
}

export class RebuildState {
  readonly n: number;
  readonly idxOf: Int32Array;
  readonly adIdOf: Int32Array;
  readonly time: Float64Array;
  readonly city: Int32Array;
  readonly prevCluster: Int32Array;
  /** Interned first phone of each ad (-1 none), for "phone changed" reasons. */
  readonly phone: Int32Array;
  /** Interned contact (first phone, else e-mail or handle) of each ad (-1 none): persona proxy. */
  readonly contact: Int32Array;
  readonly contact2: Int32Array;
  readonly cities: string[] = [];
  private readonly cityIds = new Map<string, number>();
  readonly vias: string[] = [];
  private readonly viaIds = new Map<string, number>();
  readonly uf: DenseUnionFind;
  /** Links kept for community detection, as columns (≈ 18 bytes a link). */
  readonly links = new LinkColumns();
  private buffer: {
    ad_a: number;
    ad_b: number;
    kind: string;
    weight: number;
    strong: number;
    reason: string;
    via: string | null;
  }[] = [];
  linkCount = 0;

  constructor(
    n: number,
    maxId: number,
    private readonly b: Backend,
    private readonly at: string,
  ) {
    this.n = n;
    this.idxOf = new Int32Array(maxId + 1).fill(-1);
    this.adIdOf = new Int32Array(n);
    this.time = new Float64Array(n);
    this.city = new Int32Array(n).fill(-1);
    this.prevCluster = new Int32Array(n);
    this.phone = new Int32Array(n).fill(-1);
    this.contact = new Int32Array(n).fill(-1);
    this.contact2 = new Int32Array(n).fill(-1);
    this.uf = new DenseUnionFind(n);
  }

  internCity(c: string | null): number {
    if (!c) return -1;
    let id = this.cityIds.get(c);
    if (id === undefined) {
      id = this.cities.length;
      this.cities.push(c);
      this.cityIds.set(c, id);
    }
    return id;
  }

  internVia(v: string): number {
    let id = this.viaIds.get(v);
    if (id === undefined) {
      id = this.vias.length;
      this.vias.push(v);
      this.viaIds.set(v, id);
    }
    return id;
  }

  /** Contact values (without kind) of dense index `i`. */
  contactsOf(i: number): string[] {
    const out: string[] = [];
    for (const c of [this.contact[i]!, this.contact2[i]!]) {
      if (c < 0) continue;
      const v = this.vias[c]!;
      out.push(v.slice(v.indexOf(':') + 1));
    }
    return out;
  }

  /** " — persona continuity: phone changed A → B" when both ads have a first phone and they differ. */
  phoneChange(i: number, j: number): string {
    const a = this.phone[i]!;
    const b = this.phone[j]!;
    if (a < 0 || b < 0 || a === b) return '';
    return ` — persona continuity: phone changed ${this.vias[a]!.slice(6)} → ${this.vias[b]!.slice(6)}`;
  }

  /** Record a link between dense indexes `i` and `j`; strong links union their components. */
  async addLink(
    i: number,
    j: number,
    kind: LinkKind,
    weight: number,
    strong: boolean,
    reason: string,
    via: number,
  ) {
    this.links.push(i, j, kind, weight, strong, via);
    if (strong) this.uf.union(i, j);
    this.buffer.push({
      ad_a: this.adIdOf[i]!,
      ad_b: this.adIdOf[j]!,
      kind,
      weight,
      strong: strong ? 1 : 0,
      reason,
      via: via >= 0 ? this.vias[via]! : null,
    });
    this.linkCount++;
    if (this.buffer.length >= 5000) await this.flush();
  }

  async flush() {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    await this.b.db.transaction().execute((trx) =>
      this.b.bulk.insert(
        trx,
        'links',
        ['ad_a', 'ad_b', 'kind', 'weight', 'strong', 'reason', 'via', 'created_at'],
        rows.map((r) => [r.ad_a, r.ad_b, r.kind, r.weight, r.strong, r.reason, r.via, this.at]),
      ),
    );
  }
}
