import type { Rng } from './prng.ts';

/** Fictitious domains only (RFC 2606 reserves example.*). */
const EMAIL_DOMAINS = [
  'example.com',
  'example.net',
  'example.org',
  'mail.example.com',
  'courriel.example.net',
];

/** A short code unique per index (bijection modulo 36^5): keeps handles and emails of personas distinct. */
export function uniqueCode(index: number): string {
  const space = 36 ** 5;
  const v = Number((BigInt(index) * 2654435761n + 12345n) % BigInt(space));
  return v.toString(36).padStart(5, '0');
}

/** ASCII, lower-case form of a first name, for handles and email local parts. */
export function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface DemoEmail {
  email: string;
}

export function makeEmail(name: string, index: number, rng: Rng): DemoEmail {
  const local = `${asciiName(name)}${rng.pick(['.', '_', ''])}${uniqueCode(index)}`;
  return { email: `${local}@${rng.pick(EMAIL_DOMAINS)}` };
}

/** Writes an email plainly or disguised ("prenom (at) mail point com"). */
export function writeEmail(e: DemoEmail, rng: Rng, obfuscate: boolean): string {
  if (!obfuscate) return rng.chance(0.2) ? e.email.toUpperCase().slice(0, 1) + e.email.slice(1) : e.email;
  const [local, domain] = e.email.split('@') as [string, string];
  const at = rng.pick([' (at) ', ' [at] ', ' arobase ', ' @ ', '(@)', ' at ']);
  const dotWord = rng.pick([' point ', ' (point) ', ' dot ', ' [.] ', '.']);
  return `${local}${at}${domain.split('.').join(dotWord)}`;
}

export type DemoPlatform = 'snapchat' | 'instagram' | 'telegram' | 'tiktok';

export interface DemoHandle {
  platform: DemoPlatform;
  handle: string;
}

export function makeHandle(name: string, index: number, platform: DemoPlatform, rng: Rng): DemoHandle {
  const base = rng.chance(0.3)
    ? rng.pick(['miss', 'the', 'real', 'lady', 'bb']) + asciiName(name)
    : asciiName(name);
  const sep = rng.pick(['_', '.', '']);
  return { platform, handle: `${base}${sep}${uniqueCode(index)}`.toLowerCase() };
}

/** Writes a handle the way ads do ("snap: x", "👻 x", "insta @x", "t.me/x"). */
export function writeHandle(h: DemoHandle, rng: Rng): string {
  const at = rng.chance(0.5) ? '@' : '';
  switch (h.platform) {
    case 'snapchat':
      return rng.pick([
        `snap: ${h.handle}`,
        `Snap 👻 ${h.handle}`,
        `👻 ${h.handle}`,
        `sc: ${h.handle}`,
        `Snapchat @${h.handle}`,
      ]);
    case 'instagram':
      return rng.pick([`insta: ${at}${h.handle}`, `IG @${h.handle}`, `Instagram ${at}${h.handle}`]);
    case 'telegram':
      return rng.pick([
        `Telegram @${h.handle}`,
        `tg: @${h.handle}`,
        `t.me/${h.handle}`,
        `télégram ${at}${h.handle}`,
      ]);
    case 'tiktok':
      return rng.pick([`tiktok @${h.handle}`, `TikTok: ${at}${h.handle}`]);
  }
}
