/** What "watch" on an ad watches: its phone, else its e-mail, else its handle (the server's watch kinds). */
import type { Extraction } from '../../../src/core/types.ts';

export function watchTarget(ad: {
  entities?: Partial<Extraction> | null;
}): { kind: 'phone' | 'email' | 'handle'; value: string } | null {
  const e = ad.entities;
  const phone = e?.phones?.[0];
  if (phone) return { kind: 'phone', value: phone.e164 };
  const email = e?.emails?.[0];
  if (email) return { kind: 'email', value: email.email };
  const handle = e?.handles?.[0];
  if (handle) return { kind: 'handle', value: `${handle.platform}:${handle.handle}` };
  return null;
}
