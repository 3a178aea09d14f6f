import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAdapter, validateAdapter } from './adapter-loader.ts';

const minimal = {
  name: 'site-x',
  baseUrl: 'https://www.example.org',
  startUrls: ['/annonces'],
  list: { itemSelector: 'li.ad' },
  detail: { id: { urlSegment: -1 }, body: '.text' },
};
const problems = (v: unknown) => {
  const r = validateAdapter(v, 'f.json');
  return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`);
};

describe('adapter validation', () => {
  it('accepts every shipped adapter file', async () => {
    for (const f of readdirSync('data/adapters')) {
      const a = await loadAdapter(`data/adapters/${f}`);
      expect(a.starts.length).toBeGreaterThan(0);
    }
  });
  it('applies defaults and computes the allowed hosts', () => {
    const r = validateAdapter({ ...minimal, allowedHosts: ['img.example.org'] }, 'f.json');
    if (!r.ok) throw new Error('should be valid');
    expect(r.adapter.robots).toBe(true);
    expect(r.adapter.rateLimit.requestsPerMinute).toBe(30);
    expect(r.adapter.starts).toEqual(['https://www.example.org/annonces']);
    expect([...r.adapter.hosts]).toEqual(['www.example.org', 'img.example.org']);
  });
  it('names the field of each problem', () => {
    expect(problems({ ...minimal, rateLimit: { requestsPerMinute: 'fast' } })).toEqual([
      'rateLimit.requestsPerMinute: Expected number, received string',
    ]);
    expect(problems({ ...minimal, list: { itemSelector: 'li', pagination: { type: 'scroll' } } })[0]).toMatch(
      /^list\.pagination\.type: Invalid discriminator value/,
    );
    expect(problems({ ...minimal, detail: { id: { urlSegment: -1, urlParam: 'id' }, body: 'p' } })).toEqual([
      'detail.id: give exactly one of urlSegment, urlParam or selector',
    ]);
    expect(problems({ ...minimal, name: 'Site X' })[0]).toMatch(/^name: use lower-case/);
    expect(problems({ ...minimal, startUrls: ['ftp://www.example.org/x'] })).toEqual([
      'startUrls[0]: must be http or https',
    ]);
    expect(problems({ ...minimal, ageGate: { type: 'cookie', name: 'a b', value: '1' } })).toEqual([
      'ageGate.name: a cookie name cannot contain ";", "=" or spaces',
    ]);
  });
  it('reports an unreadable file and bad JSON with the file name', async () => {
    await expect(loadAdapter('data/adapters/none.json')).rejects.toThrow(
      /^data\/adapters\/none\.json: cannot read/,
    );
  });
});
