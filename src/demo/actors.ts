import { pickCity, pickOtherCity, writeCity } from './city-names.ts';
import { type DemoHandle, writeEmail, writeHandle } from './contacts.ts';
import type { DemoCity } from './data/cities.ts';
import type { FictionPhone } from './phone-pool.ts';
import { writePhone } from './phone-styles.ts';
import type { Rng } from './prng.ts';
import { SOURCES, SOURCE_WEIGHTS } from './sources.ts';
import { type AdTemplate, buildTemplate, deriveTemplate, renderAd, usually } from './template.ts';
import type { DemoKind, ImageRef, PlannedAd, TruthPhoneStyle } from './types.ts';
import { DAY_MS, type Persona, PhoneHabit, type World, personaImages, styleOf } from './world.ts';

/** Everything one escort ad needs besides its template. */
interface EscortAdSpec {
  kind: DemoKind;
  persona: Persona;
  network: string;
  minor: boolean;
  t: number;
  city: DemoCity;
  age: number | null;
  phone: FictionPhone | null;
  habit: PhoneHabit;
  third: boolean;
  youth: string | null;
  movement: string | null;
  tour: [DemoCity, DemoCity] | null;
  sourceIdx: number;
  extraImage: ImageRef | null;
  extraHandles: DemoHandle[];
}

/** Youth wording that states an age ("18 ans tout juste", "just turned 18"), unlike "18+". */
const STATES_18 = /\b18(?!\+)/;

function price(rng: Rng): [number, number] {
  const p30 = rng.int(5, 15) * 10;
  return [p30, Math.round((p30 * rng.pick([1.5, 1.6, 1.8, 2])) / 10) * 10];
}

function dayLabel(t: number): string {
  const d = new Date(t);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Renders one escort ad and its truth. */
function escortAd(w: World, tpl: AdTemplate, s: EscortAdSpec, rng: Rng): PlannedAd {
  const src = SOURCES[s.sourceIdx]!;
  const phones: TruthPhoneStyle[] = [];
  let phoneField: string | undefined;
  let bodyPhone: string | null = null;
  if (s.phone) {
    if (rng.chance(src.phoneField)) {
      phoneField = writePhone(s.phone, rng.pick(['plain', 'spaced', 'spaced', 'international']), rng).text;
      phones.push({
        e164: s.phone.e164,
        variant: 'structured_field',
        style: 'structured_field',
        obfuscated: false,
      });
    }
    if (!phoneField || rng.chance(0.5)) {
      const written = s.habit.write(s.phone, rng);
      bodyPhone = written.text;
      if (!phoneField) phones.push(styleOf(s.phone, written));
    }
  }
  const contacts: string[] = [];
  const emails: string[] = [];
  const handles: { platform: string; handle: string }[] = [];
  if (s.persona.email && rng.chance(0.7)) {
    contacts.push(writeEmail(s.persona.email, rng, rng.chance(0.4)));
    emails.push(s.persona.email.email);
  }
  for (const h of [...s.persona.handles, ...s.extraHandles]) {
    if (!rng.chance(0.75)) continue;
    contacts.push(writeHandle(h, rng));
    handles.push({ platform: h.platform, handle: h.handle });
  }
  // WhatsApp given as a number: the contract's handle for WhatsApp is the E.164 number.
  if (s.phone && bodyPhone && rng.chance(0.06)) {
    const written = writePhone(s.phone, 'international', rng);
    contacts.push(`WhatsApp : ${written.text}`);
    handles.push({ platform: 'whatsapp', handle: s.phone.e164 });
  }
  // A helpline or the site's support number: a phone many unrelated ads share (a hub for linking).
  if (rng.chance(0.015)) {
    const hub = rng.pick(w.hubPhones);
    const written = writePhone(hub, 'spaced', rng);
    contacts.push(
      rng.pick([
        `Besoin d'aide ? Association Écoute : ${written.text}`,
        `Service client du site : ${written.text}`,
      ]),
    );
    phones.push(styleOf(hub, written));
  }
  const cityWritten = writeCity(s.city, rng).text;
  const [p30, p60] = price(rng);
  // A youth line that states an age ("18 ans tout juste") must agree with the age the ad gives.
  const youth = s.youth && STATES_18.test(s.youth) && s.age !== null && s.age !== 18 ? null : s.youth;
  const { title, body, ageShown } = renderAd(
    tpl,
    {
      name: s.persona.name,
      name2: rng.pick(s.persona.lex.names),
      age: s.age,
      city: cityWritten,
      city2: s.tour ? s.tour[0].name : '',
      city3: s.tour ? s.tour[1].name : '',
      p30,
      p60,
      day: dayLabel(s.t + rng.int(2, 5) * DAY_MS),
      phone: bodyPhone,
      third: s.third,
      youth,
      movement: s.movement,
      tour: s.tour !== null,
      contacts,
    },
    rng,
  );
  // A contact line such as "WhatsApp ou appel : <phone>" also gives the WhatsApp account (its number).
  if (s.phone && bodyPhone && /whatsapp/i.test(body) && !handles.some((h) => h.platform === 'whatsapp')) {
    handles.push({ platform: 'whatsapp', handle: s.phone.e164 });
  }
  const ageField = s.age !== null && rng.chance(src.ageField) ? s.age : undefined;
  const statedAge = ageShown || ageField !== undefined ? s.age : youth && STATES_18.test(youth) ? 18 : null;
  const cityField = rng.chance(src.cityField) ? writeCity(s.city, rng).text : undefined;
  return {
    t: s.t,
    sourceIdx: s.sourceIdx,
    category: rng.pick(src.escortCategories),
    title,
    body,
    phoneField,
    ageField,
    cityField,
    images: personaImages(w, s.persona, rng, s.extraImage),
    truth: {
      phones: [...new Set(phones.map((p) => p.e164))],
      emails,
      handles,
      persona: s.persona.id,
      network: s.network,
      minor: s.minor,
      controlled: s.kind === 'controlled',
      recruitment: false,
      city: s.city.name,
      kind: s.kind,
      lang: s.persona.lang,
      stated_age: statedAge,
      phone_styles: phones,
    },
  };
}

function escortSource(rng: Rng, favourite: number): number {
  return rng.chance(0.6) ? favourite : rng.weighted([0, 1, 2, 3], SOURCE_WEIGHTS.escort.slice(0, 4));
}

/** An independent: one persona, her own phone, a few ads, a stable city with occasional trips. */
export function planIndependent(w: World, rng: Rng, newPersona: (lang: string) => Persona): PlannedAd[] {
  const lang = rng.weighted(['fr', 'en', 'es', 'ro'], [0.73, 0.25, 0.01, 0.01]);
  const p = newPersona(lang);
  const phone =
    lang === 'en' && rng.chance(0.4) ? w.pool.uk() : rng.chance(0.03) ? w.pool.fixed() : w.pool.mobile();
  const habit = new PhoneHabit(rng, rng.chance(0.4) ? 0.85 : 0.1, lang);
  const extras: string[] = [];
  if (rng.chance(0.35)) extras.push(rng.pick(p.lex.independent));
  if (rng.chance(0.3)) extras.push(rng.pick(p.lex.trust));
  const tpl = buildTemplate(p.lex, rng, extras);
  const youngWords = rng.chance(0.12);
  const home = pickCity(rng);
  const traveller = rng.chance(0.25);
  const age = rng.chance(0.85) ? rng.int(20, 45) : null;
  const n = Math.round((1 + rng.count(0, 0.72, 11)) * w.scale);
  let t = w.startMs + rng.int(0, w.days - 1) * DAY_MS + rng.int(8, 22) * 3_600_000;
  const favourite = rng.weighted([0, 1, 2, 3], SOURCE_WEIGHTS.escort.slice(0, 4));
  const ads: PlannedAd[] = [];
  for (let i = 0; i < n && t < w.startMs + w.days * DAY_MS; i++) {
    const away = traveller && rng.chance(0.25);
    const city = away ? pickOtherCity(rng, [home]) : home;
    const moving = away ? rng.chance(0.7) : rng.chance(0.04);
    ads.push(
      escortAd(
        w,
        tpl,
        {
          kind: 'independent',
          persona: p,
          network: `solo-${p.id}`,
          minor: false,
          t,
          city,
          age,
          phone,
          habit,
          third: false,
          youth: youngWords && rng.chance(0.6) ? usually(rng, tpl.youngAdultLine, p.lex.youngAdult) : null,
          movement: moving ? usually(rng, tpl.movementLine, p.lex.movement) : null,
          tour: null,
          sourceIdx: escortSource(rng, favourite),
          extraImage: null,
          extraHandles: [],
        },
        rng,
      ),
    );
    // Larger corpora repost more often rather than run past the window (see activityScale).
    t += (rng.int(1, 9) * DAY_MS) / w.scale + rng.int(0, 10) * 3_600_000;
  }
  return ads;
}

/**
 * A small controlled network: 1–2 controllers, 2–4 victims, one template, tours of several cities
 * (a move every 2–5 days), phones shared by a controller or one per victim, sometimes a victim who
 * changes controller (new phone) while keeping her name, photos and wording.
 */
export function planNetwork(w: World, rng: Rng, newPersona: (lang: string) => Persona): PlannedAd[] {
  const network = w.nextNetworkId();
  const lang = rng.weighted(['fr', 'en', 'es', 'ro'], [0.82, 0.12, 0.03, 0.03]);
  const controllers = rng.chance(0.3) ? 2 : 1;
  const shared = rng.chance(0.55);
  const ctrlPhones = Array.from({ length: controllers }, () => w.pool.mobile());
  const habits = Array.from(
    { length: controllers },
    () => new PhoneHabit(rng, rng.chance(0.85) ? 0.85 : 0.4, lang),
  );
  const thirdRate = 0.45 + rng.next() * 0.45;
  const first = newPersona(lang);
  const extras: string[] = [];
  if (rng.chance(0.4)) extras.push(rng.pick(first.lex.trust));
  if (rng.chance(0.25)) extras.push(rng.pick(first.lex.group));
  const tpl = buildTemplate(first.lex, rng, extras);
  const hasMinor = rng.chance(0.45);
  const nVictims = rng.int(2, 4);
  const banner = rng.chance(0.2)
    ? (personaImages(
        w,
        { ...first, stock: null, imageSeeds: [rng.int(0, 2 ** 31)], id: `${network}-banner` },
        rng,
      )[0] ?? null)
    : null;
  const ctrlHandle = rng.chance(0.15)
    ? [
        {
          platform: 'telegram' as const,
          handle: `${network.replace('-', '')}${rng.pick(['_vip', '_agency', 'bookings'])}`,
        },
      ]
    : [];
  const victims = Array.from({ length: nVictims }, (_, i) => {
    const persona = i === 0 ? first : newPersona(lang);
    const minor = hasMinor && (i === 0 || rng.chance(0.4));
    const ctrl = i % controllers;
    return {
      persona,
      minor,
      age: minor ? (rng.chance(0.75) ? rng.int(18, 19) : null) : rng.chance(0.85) ? rng.int(19, 27) : null,
      tpl: deriveTemplate(tpl, rng),
      phone: shared ? ctrlPhones[ctrl]! : w.pool.mobile(),
      habit: habits[ctrl]!,
      switchAt: rng.chance(0.15) ? 0.35 + rng.next() * 0.3 : null,
      newPhone: null as FictionPhone | null,
      favourite: rng.weighted([0, 1, 2, 3], SOURCE_WEIGHTS.escort.slice(0, 4)),
      // A victim's copy keeps one voice most of the time (copy-paste with the name changed).
      third: rng.chance(thirdRate),
    };
  });
  // The tour: a move every 2–5 days over 15–75 days (≥ 3 cities within 30 days).
  const span = rng.int(15, 75);
  const start = w.startMs + rng.int(0, Math.max(0, w.days - span)) * DAY_MS;
  const stays: { city: DemoCity; from: number; days: number }[] = [];
  for (let d = 0; d < span; ) {
    const len = rng.int(2, 5);
    const prev = stays.length > 0 ? [stays[stays.length - 1]!.city] : [];
    stays.push({
      city: prev.length ? pickOtherCity(rng, prev) : pickCity(rng),
      from: start + d * DAY_MS,
      days: len,
    });
    d += len;
  }
  const ads: PlannedAd[] = [];
  stays.forEach((stay, si) => {
    for (const v of victims) {
      if (rng.chance(0.1)) continue;
      if (v.switchAt !== null && si / stays.length >= v.switchAt && !v.newPhone) {
        v.newPhone = w.pool.mobile();
        v.habit = new PhoneHabit(rng, 0.75, lang);
      }
      const perStay = Math.round(rng.int(1, 2) * w.scale);
      for (let k = 0; k < perStay; k++) {
        const t = stay.from + rng.int(0, stay.days * 24 - 1) * 3_600_000 + rng.int(0, 59) * 60_000;
        const next = stays[si + 1]?.city ?? pickOtherCity(rng, [stay.city]);
        const after = stays[si + 2]?.city ?? pickOtherCity(rng, [stay.city, next]);
        ads.push(
          escortAd(
            w,
            v.tpl,
            {
              kind: 'controlled',
              persona: v.persona,
              network,
              minor: v.minor,
              t,
              city: stay.city,
              age: v.age,
              phone: v.newPhone ?? v.phone,
              habit: v.habit,
              third: rng.chance(0.85) ? v.third : !v.third,
              youth: v.minor
                ? rng.chance(0.55)
                  ? usually(rng, v.tpl.youthLine, v.persona.lex.youth)
                  : null
                : rng.chance(0.06)
                  ? usually(rng, v.tpl.youngAdultLine, v.persona.lex.youngAdult)
                  : null,
              movement: rng.chance(0.55) ? usually(rng, v.tpl.movementLine, v.persona.lex.movement) : null,
              tour: rng.chance(0.08) ? [next, after] : null,
              sourceIdx: escortSource(rng, v.favourite),
              extraImage: rng.chance(0.6) ? banner : null,
              extraHandles: ctrlHandle,
            },
            rng,
          ),
        );
      }
    }
  });
  return ads;
}
