import { describe, expect, it } from 'vitest';
import { extractHandles } from './handles.ts';

const handles = (body: string): string[] => extractHandles({ body }).map((h) => `${h.platform}:${h.handle}`);

describe('extractHandles', () => {
  it.each([
    ['snap: lola_x', 'snapchat:lola_x'],
    ['👻 lola.x', 'snapchat:lola.x'],
    ['insta @Lola.Paris', 'instagram:lola.paris'],
    ["mon snap c'est lolita", 'snapchat:lolita'],
    ['tg @lola_vip', 'telegram:lola_vip'],
    ['https://t.me/lola_vip', 'telegram:lola_vip'],
    ['instagram.com/lola.x/', 'instagram:lola.x'],
    ['snapchat.com/add/lola-x', 'snapchat:lola-x'],
    ['tiktok.com/@lola.x', 'tiktok:lola.x'],
    ['OF: lola_xx', 'onlyfans:lola_xx'],
    ['x: @lola_x', 'x:lola_x'],
    ['mym.fans/lolax', 'mym:lolax'],
    ['fansly: lola_x', 'other:fansly:lola_x'],
    ['sc : lola93', 'snapchat:lola93'],
    ['ꜱɴᴀᴘ : 𝐥𝐨𝐥𝐚_𝐱', 'snapchat:lola_x'],
    ['retrouve-moi @lola_x sur snap', 'snapchat:lola_x'],
    ['@mila.vip (insta)', 'instagram:mila.vip'],
    ['Instagram ladychloeotwlu', 'instagram:ladychloeotwlu'],
    ['👻 leanjwhl', 'snapchat:leanjwhl'],
    ['WhatsApp : +33 6 39 98 12 34', 'whatsapp:+33639981234'],
    ['06 39 98 12 34 (whatsapp)', 'whatsapp:+33639981234'],
    ['wa.me/33639981234', 'whatsapp:+33639981234'],
  ])('reads %s', (text, expected) => expect(handles(text)).toEqual([expected]));

  it('gives one handle to several platforms', () => {
    expect(handles('snap/insta : lola_x')).toEqual(['snapchat:lola_x', 'instagram:lola_x']);
  });
  it.each([
    'ajoute moi sur snap : dispo',
    'of course',
    'lola@gmail.com',
    'snap lola',
    'insta privé',
    'x 2 filles',
    'wa',
  ])('ignores %s', (text) => expect(handles(text)).toEqual([]));
  it('keeps spans in the original text', () => {
    const body = 'Mon ѕnар : lola_x';
    const [h] = extractHandles({ body });
    expect(h!.handle).toBe('lola_x');
    expect(body.slice(h!.spans[0]!.start, h!.spans[0]!.end)).toBe('ѕnар : lola_x');
  });
});
