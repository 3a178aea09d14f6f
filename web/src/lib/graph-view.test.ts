import { describe, expect, it } from 'vitest';
import { buildGraphView, fromServerGraph, neighbourhood, shortLabel } from './graph-view.ts';

const ads = [
  {
    adId: 1,
    label: 'a1',
    identifiers: [
      { kind: 'phone', value: '+33639980001' },
      { kind: 'handle', value: 'snap:x' },
    ],
  },
  { adId: 2, label: 'a2', identifiers: [{ kind: 'phone', value: '+33639980001' }] },
  {
    adId: 3,
    label: 'a3',
    identifiers: [
      { kind: 'phone', value: '+33639980002' },
      { kind: 'handle', value: 'snap:x' },
    ],
  },
];

describe('buildGraphView', () => {
  it('shows identifiers only by default, joined by shared ads', () => {
    const v = buildGraphView(ads);
    expect(v.nodes.map((n) => n.key).sort()).toEqual([
      'handle:snap:x',
      'phone:+33639980001',
      'phone:+33639980002',
    ]);
    expect(v.edges.map((e) => [e.key, e.weight]).sort()).toEqual([
      ['handle:snap:x|phone:+33639980001', 1],
      ['handle:snap:x|phone:+33639980002', 1],
    ]);
    expect(v.legend).toEqual([
      { kind: 'phone', count: 2 },
      { kind: 'handle', count: 1 },
    ]);
  });

  it('sizes nodes by usage and is deterministic', () => {
    const v = buildGraphView(ads);
    const p1 = v.nodes.find((n) => n.key === 'phone:+33639980001')!;
    const p2 = v.nodes.find((n) => n.key === 'phone:+33639980002')!;
    expect(p1.ads).toBe(2);
    expect(p1.size).toBeGreaterThan(p2.size);
    expect(buildGraphView(ads)).toEqual(v);
  });

  it('expands an identifier into its ads, placed around it, without duplicating ads', () => {
    const v = buildGraphView(ads, new Set(['phone:+33639980001', 'handle:snap:x']));
    const adNodes = v.nodes
      .filter((n) => n.kind === 'ad')
      .map((n) => n.adId)
      .sort();
    expect(adNodes).toEqual([1, 2, 3]);
    expect(v.edges.filter((e) => e.source.startsWith('ad:'))).toHaveLength(4);
  });

  it('caps the number of ads shown around one node', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      adId: i,
      label: `a${i}`,
      identifiers: [{ kind: 'phone', value: 'p' }],
    }));
    const v = buildGraphView(many, new Set(['phone:p']), 10);
    expect(v.nodes.filter((n) => n.kind === 'ad')).toHaveLength(10);
  });

  it('finds a node neighbourhood', () => {
    const v = buildGraphView(ads);
    expect([...neighbourhood(v, 'phone:+33639980002')].sort()).toEqual([
      'handle:snap:x',
      'phone:+33639980002',
    ]);
  });
});

describe('fromServerGraph', () => {
  it('turns ad–identifier edges into per-ad identifier lists', () => {
    const r = fromServerGraph({
      nodes: [
        { id: 'ad:1', kind: 'ad', label: 'A', adId: 1 },
        { id: 'ad:2', kind: 'ad', label: 'B', adId: 2 },
        { id: 'p1', kind: 'phone', label: '+33639980001' },
      ],
      edges: [
        { source: 'ad:1', target: 'p1' },
        { source: 'p1', target: 'ad:2' },
        { source: 'ad:1', target: 'ad:2' },
      ],
    });
    expect(r).toEqual([
      { adId: 1, label: 'A', identifiers: [{ kind: 'phone', value: '+33639980001' }] },
      { adId: 2, label: 'B', identifiers: [{ kind: 'phone', value: '+33639980001' }] },
    ]);
  });
});

describe('shortLabel', () => {
  it('shortens image hashes and long values only', () => {
    expect(shortLabel('image', 'a'.repeat(64))).toBe('aaaaaaaaaa…');
    expect(shortLabel('phone', '+33639980001')).toBe('+33639980001');
    expect(shortLabel('email', `${'x'.repeat(50)}@e.org`)).toHaveLength(40);
  });
});
