import { describe, expect, it } from 'vitest';
import { deriveTemplate, tokenize } from './template.ts';

const T = (name: string, age: number, city: string, price: number, phone: string, extra = '') =>
  `Bonjour je suis ${name}, ${age} ans, de passage à ${city} pour quelques jours. ${extra}` +
  `Douce et discrète, ${price}€ la demi-heure. Appelez-moi au ${phone}.`;

describe('deriveTemplate', () => {
  it('finds the shared phrasing and labels the slots', () => {
    const r = deriveTemplate([
      { id: 1, text: T('Lina', 21, 'Lyon', 80, '06 39 98 00 12'), hints: { cities: ['Lyon'] } },
      {
        id: 2,
        text: T('Maya', 20, 'Saint-Étienne', 90, '06.39.98.00.44', 'Nouvelle ! '),
        hints: { cities: ['Saint-Étienne'] },
      },
      {
        id: 3,
        text: T('Sofia', 19, 'Clermont-Ferrand', 120, '0639980013'),
        hints: { cities: ['Clermont-Ferrand'] },
      },
    ]);
    expect(r.template).toBe(
      'Bonjour je suis {name}, {age} ans, de passage à {city} pour quelques jours. {text} Douce et discrète, ' +
        '{price}€ la demi-heure. Appelez-moi au {phone}.',
    );
    const byKey = Object.fromEntries(r.slots.map((s) => [s.key, s.values.map((v) => v.value).sort()]));
    expect(byKey['city']).toEqual(['Clermont-Ferrand', 'Lyon', 'Saint-Étienne']);
    expect(byKey['age']).toEqual(['19', '20', '21']);
    expect(byKey['name']).toEqual(['Lina', 'Maya', 'Sofia']);
    expect(byKey['text']).toEqual(['Nouvelle !']);
    expect(r.support).toBe(3);
    expect(r.sharedRatio).toBeGreaterThan(0.7);
  });

  it('keeps a value shared by all texts in the template', () => {
    const r = deriveTemplate([
      { id: 'a', text: T('Lina', 21, 'Lyon', 80, '0639980012') },
      { id: 'b', text: T('Lina', 21, 'Nantes', 80, '0639980012') },
    ]);
    expect(r.template).toContain('je suis Lina, 21 ans');
    expect(r.slots).toHaveLength(1);
    expect(r.slots[0]!.values.map((v) => v.value).sort()).toEqual(['Lyon', 'Nantes']);
    expect(r.slots[0]!.label).toBe('city');
  });

  it('returns a single text as its own template', () => {
    const r = deriveTemplate([{ id: 7, text: 'Une seule annonce ici.' }]);
    expect(r.template).toBe('Une seule annonce ici.');
    expect(r.slots).toEqual([]);
    expect(r.medoidId).toBe(7);
  });

  it('rejects an empty cluster', () => {
    expect(() => deriveTemplate([])).toThrow(RangeError);
  });

  it('tokenises a dotted phone as one token and caps hostile input', () => {
    expect(tokenize('au 06.39.98.00.12 merci').map((t) => t.text)).toEqual(['au', '06.39.98.00.12', 'merci']);
    expect(tokenize('1 2 3').map((t) => t.text)).toEqual(['1', '2', '3']);
    expect(tokenize('x '.repeat(100_000)).length).toBe(400);
  });
});
