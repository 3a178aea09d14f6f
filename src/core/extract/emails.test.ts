import { describe, expect, it } from 'vitest';
import { extractEmails } from './emails.ts';

const emails = (body: string): string[] => extractEmails({ body }).map((e) => e.email);

describe('extractEmails', () => {
  it('reads plain addresses, not obfuscated', () => {
    const [e] = extractEmails({ body: 'écris à Lola.B@gmail.com merci' });
    expect(e).toMatchObject({ email: 'lola.b@gmail.com', obfuscated: false });
    expect(e!.spans[0]).toEqual({ field: 'body', start: 8, end: 24 });
  });
  it.each([
    ['prenom (at) mail point com', 'prenom@mail.com'],
    ['lola arobase gmail', 'lola@gmail.com'],
    ['lola [at] hotmail [dot] fr', 'lola@hotmail.fr'],
    ['jean point dupont arobase yahoo point fr merci', 'jean.dupont@yahoo.fr'],
    ['contact: lola @ outlook . com', 'lola@outlook.com'],
    ['mail: LOLA_75 at gmail dot com', 'lola_75@gmail.com'],
    ['lola＠ｇｍａｉｌ．ｃｏｍ', 'lola@gmail.com'],
    ['lola{at}proton(dot)me', 'lola@proton.me'],
  ])('reads %s', (text, expected) => {
    const r = extractEmails({ body: text });
    expect(r.map((e) => e.email)).toEqual([expected]);
  });
  it('flags obfuscation', () => {
    expect(extractEmails({ body: 'lola arobase gmail point com' })[0]!.obfuscated).toBe(true);
  });
  it.each(['snap @lola_x', 'meet me at the hotel', 'rdv at 10pm dot', 'prix 100 @ la nuit', '@ @ @'])(
    'ignores %s',
    (text) => expect(emails(text)).toEqual([]),
  );
  it('dedupes across title and body', () => {
    const r = extractEmails({ title: 'lola@gmail.com', body: 'lola (at) gmail (dot) com' });
    expect(r).toHaveLength(1);
    expect(r[0]!.spans).toHaveLength(2);
    expect(r[0]!.obfuscated).toBe(true);
  });
});
