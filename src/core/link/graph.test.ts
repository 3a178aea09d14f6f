import { describe, expect, it } from 'vitest';
import { assessHub, explainPath, identifierLinks, maxCitiesInWindow } from './graph.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

describe('hub suppression', () => {
  it('keeps a network phone that moves city to city over weeks', () => {
    const occ = ['Lyon', 'Lyon', 'Grenoble', 'Valence', 'Nîmes', 'Montpellier', 'Béziers', 'Perpignan'].map(
      (city, i) => ({ adId: i, city, at: T0 + i * 4 * DAY }),
    );
    const v = assessHub('phone', '+33639980012', occ);
    expect(v.suppressed).toBe(false);
    expect(v.cities).toBe(7);
  });

  it('suppresses a number seen in many cities at once, with the reason', () => {
    const cities = ['Paris', 'Lyon', 'Lille', 'Nantes', 'Nice', 'Rennes', 'Brest', 'Metz', 'Dijon'];
    const occ = cities.map((city, i) => ({ adId: i, city, at: T0 + i * 3_600_000 }));
    const v = assessHub('phone', '+33199000001', occ);
    expect(v.suppressed).toBe(true);
    expect(v.reason).toBe('suppressed: shared by 9 ads in 9 cities within 7 days');
  });

  it('suppresses an image used next to many different contacts (stock photo), not a persona photo', () => {
    const stock = Array.from({ length: 6 }, (_, i) => ({
      adId: i,
      city: 'Lyon',
      at: T0 + i * 20 * DAY,
      contacts: [`+3363998000${i}`],
    }));
    const v = assessHub('image', 'abc', stock);
    expect(v.suppressed).toBe(true);
    expect(v.reason).toBe('suppressed: shared by 6 ads with 6 different contacts');
    const persona = stock.map((o, i) => ({ ...o, contacts: [i < 3 ? '+33639980001' : '+33639980002'] }));
    expect(assessHub('image', 'abc', persona).suppressed).toBe(false);
    expect(
      assessHub('phone', '+33639980001', stock, { maxContacts: { phone: 4, email: 6, handle: 6, image: 4 } })
        .suppressed,
    ).toBe(true);
  });

  it('suppresses stop-listed identifiers whatever the pattern', () => {
    const occ = [
      { adId: 1, city: 'Lyon', at: T0 },
      { adId: 2, city: 'Lyon', at: T0 },
    ];
    const v = assessHub('phone', '+33199000002', occ, { stopList: new Set(['phone:+33199000002']) });
    expect(v.suppressed).toBe(true);
    expect(v.reason).toContain('stop-list');
    expect(assessHub('phone', '+33199000003', occ, { stopList: new Set(['+33199000002']) }).suppressed).toBe(
      false,
    );
  });

  it('counts distinct cities in a sliding window', () => {
    const occ = [
      { adId: 1, city: 'A', at: T0 },
      { adId: 2, city: 'B', at: T0 + DAY },
      { adId: 3, city: 'C', at: T0 + 20 * DAY },
      { adId: 4, city: 'D', at: T0 + 21 * DAY },
      { adId: 5, city: 'E', at: T0 + 22 * DAY },
    ];
    expect(maxCitiesInWindow(occ, 7 * DAY)).toBe(3);
    expect(maxCitiesInWindow(occ, 30 * DAY)).toBe(5);
  });
});

describe('identifier links and explanations', () => {
  it('chains the ads of an identifier in time order with a reason', () => {
    const links = identifierLinks('phone', '+33639980012', [
      { adId: 3, at: T0 + 2 * DAY },
      { adId: 1, at: T0 },
      { adId: 2, at: T0 + DAY },
    ]);
    expect(links.map((l) => [l.a, l.b])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(links[0]!.reason).toBe('same phone +33639980012');
    expect(links.every((l) => l.strong)).toBe(true);
  });

  it('explains why two ads are connected by the shortest path', () => {
    const links = [
      { a: 1, b: 2, kind: 'phone' as const, weight: 1, strong: true, reason: 'same phone X' },
      { a: 2, b: 3, kind: 'image' as const, weight: 0.8, strong: true, reason: 'same image' },
      { a: 1, b: 3, kind: 'text' as const, weight: 0.9, strong: true, reason: 'text 0.90 similar' },
      { a: 4, b: 5, kind: 'phone' as const, weight: 1, strong: true, reason: 'same phone Y' },
    ];
    expect(explainPath(links, 1, 3).map((l) => l.reason)).toEqual(['text 0.90 similar']);
    expect(explainPath(links, 2, 3).map((l) => l.reason)).toEqual(['same image']);
    expect(explainPath(links, 1, 5)).toEqual([]);
  });
});
