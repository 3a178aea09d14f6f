import { describe, expect, it } from 'vitest';
import { minorShare, statsToCsv } from './stats-csv.ts';

const stats = {
  perWeek: [{ week: '2026-W01', ads: 10, minor: 2 }],
  perDepartement: [{ departement: '69', ads: 4 }],
  perSource: [{ source: 'site, A', ads: 3 }],
  minorShare: { total: 10, withMinor: 2 },
  networkSizes: [{ size: '2-5', networks: 7 }],
};

describe('statsToCsv', () => {
  it('writes every section with a table column', () => {
    expect(statsToCsv(stats).split('\r\n')).toEqual([
      'table,key,count,with_minor_indicators',
      'per_week,2026-W01,10,2',
      'per_departement,69,4,',
      'per_source,"site, A",3,',
      'minor_share,all,10,2',
      'network_sizes,2-5,7,',
      '',
    ]);
  });
  it('computes the minor share safely', () => {
    expect(minorShare({ total: 10, withMinor: 2 })).toBe(0.2);
    expect(minorShare({ total: 0, withMinor: 0 })).toBe(0);
    expect(minorShare({ total: 10, withMinor: 2, share: 0.25 })).toBe(0.25);
  });
});
