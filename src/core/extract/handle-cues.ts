/**
 * The words of the handle extractor: cue words per platform (with how strictly each announces a handle),
 * emoji cues, words that are never handles after a cue, and connector words skipped between a cue and its
 * handle, each also as a table looked up by a range of the text (no slice per word on floods of cues).
 */
import type { HandlePlatform } from '../types.ts';
import { WordTable } from './contact-fields.ts';

/** Platform of a cue word; `site` names 'other' platforms in the handle ("fansly:lola"). */
export interface Cue {
  platform: HandlePlatform;
  site?: string;
  /** Needs ':' / '@' / '=' right after (the cue is also a common word: "of", "x", "tt"). */
  strict?: boolean;
  /** The full platform name or its emoji: a bare long word right after it is taken as the handle. */
  strong?: boolean;
}

const CUES = new Map<string, Cue>();
function cue(words: string, c: Cue): void {
  // Every cue object has every field (one hidden class for the reads in the scanners).
  const full: Cue = {
    platform: c.platform,
    site: c.site,
    strict: c.strict === true,
    strong: c.strong === true,
  };
  for (const w of words.split(' ')) CUES.set(w, full);
}
cue('snap snp snapp snape snaps', { platform: 'snapchat' });
cue('snapchat', { platform: 'snapchat', strong: true });
cue('sc', { platform: 'snapchat', strict: true });
cue('insta insa', { platform: 'instagram' });
cue('instagram instgram instagramme', { platform: 'instagram', strong: true });
cue('ig', { platform: 'instagram', strict: true });
cue('telegra', { platform: 'telegram' });
cue('telegram telegramme télégram télégramme', { platform: 'telegram', strong: true });
cue('tg tlg', { platform: 'telegram', strict: true });
cue('whatsapp whatsap watsapp watsap whats wtsp wsp wapp watts whatsaap', { platform: 'whatsapp' });
cue('wa', { platform: 'whatsapp', strict: true });
cue('tiktok tik-tok', { platform: 'tiktok', strong: true });
cue('tt', { platform: 'tiktok', strict: true });
cue('twitter twiter', { platform: 'x', strong: true });
cue('x tw', { platform: 'x', strict: true });
cue('onlyfans onlyfan', { platform: 'onlyfans', strong: true });
cue('of', { platform: 'onlyfans', strict: true });
cue('mym mymfans', { platform: 'mym' });
for (const site of 'fansly kik chaturbate stripchat bongacams myfreecams cam4 skype discord wickr threema'.split(
  ' ',
)) {
  cue(site, { platform: 'other', site });
}

/** Longest cue word and the first letters of cue words (all ASCII), for a cheap pre-check. */
export const CUE_MAX_LEN = 16;
export const CUE_FIRST = new Uint8Array(128);
for (const w of CUES.keys()) {
  const f = w.charCodeAt(0);
  if (f < 128) CUE_FIRST[f] = 1;
}

/** Emoji cues by the low surrogate after 0xD83D: 👻 U+1F47B, 📸 U+1F4F8. */
export const EMOJI_CUES = new Map<number, Cue>([
  [0xdc7b, { platform: 'snapchat', site: undefined, strict: false, strong: true }],
  [0xdcf8, { platform: 'instagram', site: undefined, strict: false, strong: false }],
]);

/** Words that follow a cue but are not handles ("snap : dispo", "insta privé"). */
const STOP = new Set(
  (
    'dispo disponible disponibles uniquement seulement only aussi also pour for sur on et and ou or le la les ' +
    'moi me mon ma my mes privé prive private perso demande request svp please plz merci thanks ici here dm mp ' +
    'message messages msg ajoute ajoutez add follow suis suivez abonne abonnez contact contacte contactez lien ' +
    'link bio profil profile compte account dans in avec with sans no pas not non oui yes vip gratuit free ' +
    'payant paid photos photo videos vidéos video plus more infos info direct directement meme même pareil ' +
    'idem nouveau new nouvelle rdv appel appelle call sms tel numero numéro via par by the a une un est is ' +
    'story stories too to ok top cam show shows live lives exclusive exclusif exclusifs contenu content ' +
    'coquin coquine hot sexy nude nudes pics pic id pseudo name username user nom de du des en mon ' +
    'whatsapp telegram snap snapchat insta instagram tiktok twitter onlyfans mym same just juste only ' +
    'tout toute tous all any ask demandez envoie envoyez send text écris ecris écrivez ecrivez vite fast ' +
    'discret discrète discrete réel reel real sérieux serieux serious uniquement officiel official ' +
    'officielle account compte profil bisous kisses disponible available demande request seulement'
  ).split(' '),
);
/** The word lists as tables looked up by a range of the text (no slice per word on floods of cues). */
export const CUE_TABLE = new WordTable(CUES);
export const STOP_TABLE = new WordTable([...STOP].map((w) => [w, true] as const));

/** Words skipped between a cue and the handle. */
const CONNECTORS = new Set(
  "est c'est cest c is it's its = moi me mon my ma id pseudo name username user compte account : sur on en add ajoute ajoutez privé prive perso private".split(
    ' ',
  ),
);

export const CONNECTOR_TABLE = new WordTable([...CONNECTORS].map((w) => [w, true] as const));
