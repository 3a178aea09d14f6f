import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './download.ts';

describe('fileNameFrom', () => {
  it('reads plain and RFC 5987 names', () => {
    expect(fileNameFrom('attachment; filename="case-3.zip"', 'x')).toBe('case-3.zip');
    expect(fileNameFrom("attachment; filename*=UTF-8''dossier%20%C3%A9t%C3%A9.zip", 'x')).toBe(
      'dossier été.zip',
    );
    expect(fileNameFrom(null, 'fallback.zip')).toBe('fallback.zip');
  });
});
