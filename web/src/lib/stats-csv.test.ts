import { describe, expect, it } from 'vitest';
import { minorShare, statsToCsv } from './stats-csv.ts';

const stats = {
  perWeek: [{ week: '2026-W01', ads: 10, minor: 2 }],
  perDepartement: [{ departement: '69', ads: 4 }],
  perSource: [{ source: 'site, A', ads: 3 }],
  minorShare: { ads: 10, withMinorIndicators: 2 },
  networkSizes: [{ size: 3, networks: 7 }],
};

describe('statsToCsv', () => {
  it('writes every section with a table column', () => {
    expect(statsToCsv(stats).split('\r\n')).toEqual([
      'table,key,count,with_minor_indicators',
      'per_week,2026-W01,10,2',
      'per_departement,69,4,',
      'per_source,"site, A",3,',
      'minor_share,all,10,2',
      'network_sizes,3,7,',
      '',
    ]);
  });
  it('computes the minor share safely', () => {
    expect(minorShare({ ads: 10, withMinorIndicators: 2 })).toBe(0.2);
    expect(minorShare({ ads: 0, withMinorIndicators: 0 })).toBe(0);
    expect(minorShare({ ads: 10, withMinorIndicators: 2, share: 0.25 })).toBe(0.25);
  });
});
