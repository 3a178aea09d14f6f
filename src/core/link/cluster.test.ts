import { describe, expect, it } from 'vitest';
import type { ClusterId } from '../types.ts';
import { UnionFind, assignStableIds, clusterLinks, splitComponent, planJoins } from './cluster.ts';
import type { EvidenceLink } from './link-ads.ts';

const strong = (a: number, b: number, via?: string): EvidenceLink => ({
  a,
  b,
  kind: 'phone',
  weight: 1,
  strong: true,
  reason: 'r',
  via,
});

/** Two dense groups of `n` ads each (shared phone per group), glued by one shared handle. */
function glued(n: number): { ids: number[]; links: EvidenceLink[] } {
  const links: EvidenceLink[] = [];
  const ids: number[] = [];
  for (let g = 0; g < 2; g++) {
    for (let i = 0; i < n; i++) ids.push(g * 100 + i);
    for (let i = 1; i < n; i++) links.push(strong(g * 100 + i - 1, g * 100 + i, `phone:${g}`));
    for (let i = 2; i < n; i++)
      links.push({ ...strong(g * 100 + i - 2, g * 100 + i), kind: 'text', weight: 0.8 });
  }
  links.push({ ...strong(0, 100, 'handle:glue'), kind: 'handle', weight: 0.9 });
  return { ids, links };
}

describe('union-find', () => {
  it('groups transitively', () => {
    const uf = new UnionFind();
    uf.union(1, 2);
    uf.union(3, 4);
    uf.union(2, 4);
    const groups = uf.groups([1, 2, 3, 4, 5]).map((g) => g.sort());
    expect(groups).toEqual([[1, 2, 3, 4], [5]]);
  });
});

describe('community split', () => {
  it('splits two groups glued by one identifier', () => {
    const { ids, links } = glued(10);
    const parts = splitComponent(ids, links).map((p) => p.sort((a, b) => a - b));
    expect(parts).toHaveLength(2);
    expect(parts.map((p) => p.every((x) => x < 100) || p.every((x) => x >= 100))).toEqual([true, true]);
  });

  it('does not split a dense network', () => {
    const ids = Array.from({ length: 16 }, (_, i) => i);
    const links: EvidenceLink[] = [];
    for (let i = 0; i < 16; i++) for (let j = i + 1; j < 16; j++) links.push(strong(i, j));
    expect(splitComponent(ids, links)).toHaveLength(1);
  });

  it('leaves small components alone and can be switched off', () => {
    const { ids, links } = glued(5);
    expect(clusterLinks(ids, links)).toHaveLength(1);
    const big = glued(10);
    expect(clusterLinks(big.ids, big.links)).toHaveLength(2);
    expect(clusterLinks(big.ids, big.links, { minSplitSize: Number.POSITIVE_INFINITY })).toHaveLength(1);
  });

  it('ignores weak links when forming components', () => {
    const links: EvidenceLink[] = [strong(1, 2), { ...strong(2, 3), strong: false }];
    expect(clusterLinks([1, 2, 3], links).sort((a, b) => b.length - a.length)).toEqual([[1, 2], [3]]);
  });
});

describe('stable cluster ids', () => {
  let n = 0;
  const mint = () => `N${String(++n).padStart(6, '0')}` as ClusterId;
  const prevMap = (m: Record<number, string>) => (ad: number) => (m[ad] as ClusterId | undefined) ?? null;

  it('keeps ids, records merges and splits', () => {
    n = 10;
    const prev = prevMap({ 1: 'N1', 2: 'N1', 3: 'N1', 4: 'N2', 5: 'N2', 6: 'N3', 7: 'N3', 8: 'N3' });
    const { ids, events } = assignStableIds(
      [
        [1, 2, 3, 4, 5], // N1 ∪ N2 → keeps N1 (larger overlap)
        [6, 7], // part of N3 → keeps N3
        [8], // rest of N3 → new id
        [9, 10], // brand new
      ],
      prev,
      mint,
    );
    expect(ids).toEqual(['N1', 'N3', 'N000011', 'N000012']);
    expect(events).toContainEqual({ kind: 'merge', clusterId: 'N1', from: ['N1', 'N2'] });
    expect(events).toContainEqual({ kind: 'split', from: 'N3', into: ['N000011', 'N3'] });
    expect(events).toContainEqual({ kind: 'new', clusterId: 'N000012' });
  });
});

describe('planJoins', () => {
  const clusters = new Map<number, string>([
    [1, 'N1'],
    [2, 'N1'],
    [3, 'N2'],
  ]);
  const clusterOf = (id: number) => clusters.get(id) ?? null;
  const strong = (a: number, b: number) => ({
    a,
    b,
    kind: 'phone' as const,
    weight: 1,
    strong: true,
    reason: '',
  });
  const weak = (a: number, b: number) => ({ ...strong(a, b), strong: false });

  it('joins a new ad whose strong links all reach one network, directly or through another new ad', () => {
    const plan = planJoins([10, 11], [strong(1, 10), strong(2, 10), strong(10, 11)], clusterOf);
    expect(plan.joins).toEqual([
      { adId: 10, clusterId: 'N1' },
      { adId: 11, clusterId: 'N1' },
    ]);
    expect(plan.rest).toEqual([]);
  });

  it('re-clusters what reaches several networks, ads outside any network, or new ads linked only to each other', () => {
    expect(planJoins([10], [strong(1, 10), strong(3, 10)], clusterOf)).toEqual({ joins: [], rest: [10] });
    expect(planJoins([10], [strong(99, 10)], clusterOf)).toEqual({ joins: [], rest: [10] });
    expect(planJoins([10, 11], [strong(10, 11)], clusterOf)).toEqual({ joins: [], rest: [10, 11] });
  });

  it('leaves an ad with weak links only out of networks, and re-clusters an ad that was already in one', () => {
    expect(planJoins([10], [weak(1, 10)], clusterOf)).toEqual({ joins: [], rest: [] });
    expect(planJoins([1], [strong(1, 2)], clusterOf)).toEqual({ joins: [], rest: [1] });
  });
});
