import type { EscortLexicon } from './data/lexicon-types.ts';
import type { Rng } from './prng.ts';

/**
 * The wording a persona (independent) or a controller (network) reuses from ad to ad: one pick per
 * sentence role, fixed once. Rendering fills slots and applies small edits, so ads of one template are
 * near-duplicates while two templates rarely share more than a sentence or two.
 */
export interface AdTemplate {
  lex: EscortLexicon;
  title: string;
  titleThird: string;
  greetFirst: string;
  greetThird: string;
  describe: string;
  offerFirst: string;
  offerThird: string;
  placeFirst: string;
  placeThird: string;
  hours: string;
  price: string;
  contactFirst: string;
  contactThird: string;
  closing: string;
  ageLine: string;
  /** Habits: the movement and youth lines this poster reuses, whether she states her age, title voice. */
  movementLine: string;
  youthLine: string;
  youngAdultLine: string;
  showsAge: boolean;
  thirdTitle: boolean;
  /** Lines this template always carries (trust, independence, group wording). */
  extras: string[];
  /** Small edits applied to every ad of this template (a controller's habits, a victim's copy). */
  edits: [string, string][];
  emoji: string;
}

const EMOJIS = ['', '', '✨', '💋', '🌸', '💕', '🔥', '😘', '🌹', '💎', '⭐'];

/** A poster's habit: the usual choice 85 % of the time, otherwise any. */
export function usually<T>(rng: Rng, usual: T, pool: readonly T[]): T {
  return rng.chance(0.85) ? usual : rng.pick(pool);
}

export function buildTemplate(lex: EscortLexicon, rng: Rng, extras: string[] = []): AdTemplate {
  return {
    lex,
    title: rng.pick(lex.titles),
    titleThird: rng.pick(lex.titlesThird),
    greetFirst: rng.pick(lex.greetFirst),
    greetThird: rng.pick(lex.greetThird),
    describe: rng.pick(lex.describe),
    offerFirst: rng.pick(lex.offerFirst),
    offerThird: rng.pick(lex.offerThird),
    placeFirst: rng.pick(lex.placeFirst),
    placeThird: rng.pick(lex.placeThird),
    hours: rng.pick(lex.hours),
    price: rng.pick(lex.price),
    contactFirst: rng.pick(lex.contactFirst),
    contactThird: rng.pick(lex.contactThird),
    closing: rng.pick(lex.closing),
    ageLine: rng.pick(lex.ageLine),
    movementLine: rng.pick(lex.movement),
    youthLine: rng.pick(lex.youth),
    youngAdultLine: rng.pick(lex.youngAdult),
    showsAge: rng.chance(0.75),
    thirdTitle: rng.chance(0.6),
    extras,
    edits: rng.sample(lex.substitutions, rng.int(0, 2)),
    emoji: rng.pick(EMOJIS),
  };
}

/** A victim's copy of the network template: same wording, her own description and a few habits. */
export function deriveTemplate(t: AdTemplate, rng: Rng): AdTemplate {
  return {
    ...t,
    describe: rng.chance(0.5) ? rng.pick(t.lex.describe) : t.describe,
    youthLine: rng.pick(t.lex.youth),
    youngAdultLine: rng.pick(t.lex.youngAdult),
    edits: [...t.edits, ...rng.sample(t.lex.substitutions, rng.int(0, 1))],
  };
}

export interface RenderContext {
  name: string;
  name2: string;
  age: number | null;
  city: string;
  city2: string;
  city3: string;
  p30: number;
  p60: number;
  day: string;
  /** Written phone, or null when the ad gives none in the body. */
  phone: string | null;
  third: boolean;
  youth: string | null;
  movement: string | null;
  tour: boolean;
  /** Extra contact lines (emails, handles), already written. */
  contacts: string[];
}

function fill(s: string, c: RenderContext): string {
  if (!s.includes('{')) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => {
    switch (k) {
      case 'name':
        return c.name;
      case 'name2':
        return c.name2;
      case 'age':
        return String(c.age ?? '');
      case 'city':
        return c.city;
      case 'city2':
        return c.city2;
      case 'city3':
        return c.city3;
      case 'p30':
        return String(c.p30);
      case 'p60':
        return String(c.p60);
      case 'day':
        return c.day;
      case 'phone':
        return c.phone ?? '';
      default:
        return m;
    }
  });
}

function applyEdits(s: string, edits: readonly [string, string][]): string {
  let out = s;
  for (const [from, to] of edits) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

/** Renders one ad (title and body) from a template. */
export function renderAd(
  t: AdTemplate,
  c: RenderContext,
  rng: Rng,
): { title: string; body: string; ageShown: boolean } {
  const noAge = (s: string) => c.age !== null || !s.includes('{age}');
  let title = c.third && usually(rng, t.thirdTitle, [true, false]) ? t.titleThird : t.title;
  if (!noAge(title)) title = t.lex.titles.find((x) => !x.includes('{age}'))!;
  const lines: string[] = [];
  lines.push(c.third ? t.greetThird : t.greetFirst);
  const ageLine = c.age !== null && usually(rng, t.showsAge, [true, false]);
  if (ageLine) lines.push(t.ageLine);
  lines.push(t.describe);
  if (c.youth) lines.push(c.youth);
  lines.push(c.third ? t.offerThird : t.offerFirst);
  if (c.tour) lines.push(rng.pick(t.lex.tour));
  else if (c.movement) lines.push(c.movement);
  lines.push(c.third ? t.placeThird : t.placeFirst);
  lines.push(t.hours, t.price, ...t.extras);
  if (c.phone !== null) lines.push(c.third ? t.contactThird : t.contactFirst);
  const contactAt = lines.length;
  lines.push(...c.contacts);
  lines.push(t.closing);
  // Small per-ad edits: swap two neighbouring middle lines, drop one optional line.
  if (contactAt > 4 && rng.chance(0.35)) {
    const i = rng.int(1, contactAt - 3);
    const tmp = lines[i]!;
    lines[i] = lines[i + 1]!;
    lines[i + 1] = tmp;
  }
  const sep = rng.chance(0.5) ? '\n' : ' ';
  // Edits apply to the wording before slots are filled, so they never touch a phone, name or city.
  const body = lines
    .map((l, i) =>
      i >= contactAt && i < contactAt + c.contacts.length ? l : fill(applyEdits(l, t.edits), c),
    )
    .join(sep);
  const head = fill(applyEdits(title, t.edits), c);
  const ageShown = c.age !== null && (ageLine || title.includes('{age}'));
  return { title: t.emoji && rng.chance(0.5) ? `${head} ${t.emoji}` : head, body, ageShown };
}
