import { describe, expect, it } from 'vitest';
import { groupReasons } from './why-linked.ts';

describe('groupReasons', () => {
  it('orders identifier evidence before text similarity and heavier first', () => {
    const g = groupReasons([
      { kind: 'text', weight: 0.9, id: 1 },
      { kind: 'phone', weight: 0.5, id: 2 },
      { kind: 'phone', weight: 1, id: 3 },
      { kind: 'zzz', id: 4 },
    ]);
    expect(g.map((x) => x.kind)).toEqual(['phone', 'text', 'zzz']);
    expect(g[0]!.items.map((x) => x.id)).toEqual([3, 2]);
  });
});

describe('groupReasons de-duplication', () => {
  it('keeps one copy of the same evidence, whatever the direction', () => {
    const g = groupReasons([
      { kind: 'image', a: 1, b: 2, reason: 'same image' },
      { kind: 'image', a: 2, b: 1, reason: 'same image' },
      { kind: 'image', a: 1, b: 3, reason: 'same image' },
    ]);
    expect(g[0]!.items).toHaveLength(2);
  });
});
