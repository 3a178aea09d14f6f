import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error.ts';

const dict: Record<string, string> = {
  'error.locked': 'Account locked',
  'error.network': 'Server unreachable',
  'error.forbidden': 'Not allowed',
  'error.not_found': 'Not found',
  'error.internal_error': 'Server error',
  'error.unknown': 'Unknown',
};
const t = (k: string) => dict[k] ?? k;

describe('describeError', () => {
  it('translates known codes', () => {
    expect(describeError({ status: 423, code: 'locked', message: 'x' }, t)).toBe('Account locked');
  });
  it('falls back on the status, then the message', () => {
    expect(describeError({ status: 0, code: 'network' }, t)).toBe('Server unreachable');
    expect(describeError({ status: 403, code: 'weird' }, t)).toBe('Not allowed');
    expect(describeError({ status: 500, code: 'weird' }, t)).toBe('Server error');
    expect(describeError({ status: 400, code: 'weird', message: 'bad date' }, t)).toBe('bad date');
    expect(describeError(null, t)).toBe('Unknown');
  });
});
