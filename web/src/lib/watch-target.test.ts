import { describe, expect, it } from 'vitest';
import type { E164 } from '../../../src/core/types.ts';
import { watchTarget } from './watch-target.ts';

describe('watchTarget', () => {
  it('prefers the phone, then the e-mail, then the handle', () => {
    const phone = {
      e164: '+33639980012' as E164,
      country: 'FR',
      type: 'mobile' as const,
      obfuscated: false,
      style: 'plain' as const,
      spans: [],
    };
    expect(watchTarget({ entities: { phones: [phone] } })).toEqual({ kind: 'phone', value: '+33639980012' });
    expect(
      watchTarget({ entities: { phones: [], emails: [{ email: 'a@b.org', obfuscated: false, spans: [] }] } }),
    ).toEqual({
      kind: 'email',
      value: 'a@b.org',
    });
    expect(
      watchTarget({ entities: { handles: [{ platform: 'snapchat', handle: 'x', spans: [] }] } }),
    ).toEqual({
      kind: 'handle',
      value: 'snapchat:x',
    });
    expect(watchTarget({ entities: null })).toBeNull();
  });
});
