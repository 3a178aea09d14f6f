import { describe, expect, it } from 'vitest';
import { extractPrices } from './prices.ts';

const prices = (body: string) => extractPrices({ body }).map((p) => [p.amount, p.currency, p.minutes]);

describe('extractPrices', () => {
  it('reads amounts with currencies and durations', () => {
    expect(prices('150 roses')).toEqual([[150, 'roses', undefined]]);
    expect(prices('100€ la demi-heure')).toEqual([[100, 'EUR', 30]]);
    expect(prices('200/h')).toEqual([[200, 'EUR', 60]]);
    expect(prices('1h 250')).toEqual([[250, 'EUR', 60]]);
    expect(prices('$200 per hour')).toEqual([[200, 'USD', 60]]);
    expect(prices('80€ 30min, 1h30 200€')).toEqual([
      [80, 'EUR', 30],
      [200, 'EUR', 90],
    ]);
  });

  it('does not read phones, postcodes, arrondissements or schedules as prices', () => {
    expect(prices('06 39 98 00 12')).toEqual([]);
    expect(prices('Lyon 69003')).toEqual([]);
    expect(prices('Paris 20e')).toEqual([]);
    expect(prices('dispo 24h/24')).toEqual([]);
  });

  it('spans cover the amount and its currency', () => {
    const body = 'Tarif: 150 🌹 l’heure';
    const [p] = extractPrices({ body });
    expect(body.slice(p!.spans[0]!.start, p!.spans[0]!.end)).toBe('150 🌹');
  });
});
