import { pickCity, writeCity } from './city-names.ts';
import { type DemoPlatform, makeEmail, makeHandle, writeEmail, writeHandle } from './contacts.ts';
import { FR_RECRUIT } from './data/lexicon-fr.ts';
import { EN_RECRUIT } from './data/lexicon-other.ts';
import { makeNoiseAd } from './noise.ts';
import { writePhone } from './phone-styles.ts';
import { drawSynthetic, encodePng } from './png.ts';
import { Rng } from './prng.ts';
import { SOURCES, SOURCE_WEIGHTS } from './sources.ts';
import type { PlannedAd, TruthPhoneStyle } from './types.ts';
import { DAY_MS, PhoneHabit, type World, styleOf } from './world.ts';

const SITES = [0, 1, 2, 3, 4];

/** A recruiter: offers ("plans sous", "pack logement + sécurité") posted in several cities, own network id. */
export function planRecruiter(w: World, rng: Rng): PlannedAd[] {
  const network = w.nextRecruiterId();
  const index = w.nextPersonaIndex();
  const persona = `p${String(index).padStart(6, '0')}`;
  const lang = rng.chance(0.8) ? 'fr' : 'en';
  const lex = lang === 'fr' ? FR_RECRUIT : EN_RECRUIT;
  const alias = rng.pick(['boss', 'manager', 'agence', 'team', 'plan', 'vip']);
  const handles = [
    makeHandle(
      alias,
      index,
      rng.weighted<DemoPlatform>(['snapchat', 'telegram', 'instagram'], [3, 3, 1]),
      rng,
    ),
  ];
  if (rng.chance(0.3))
    handles.push(
      makeHandle(alias, index, handles[0]!.platform === 'telegram' ? 'snapchat' : 'telegram', rng),
    );
  const phone = rng.chance(0.45) ? w.pool.mobile() : null;
  const habit = new PhoneHabit(rng, 0.5, lang);
  const lines = rng.sample(lex.lines, rng.int(3, 5));
  const title = rng.pick(lex.titles);
  const n = Math.round((1 + rng.count(0, 0.6, 5)) * w.scale);
  let t = w.startMs + rng.int(0, w.days - 1) * DAY_MS;
  const ads: PlannedAd[] = [];
  for (let i = 0; i < n && t < w.startMs + w.days * DAY_MS; i++) {
    const city = pickCity(rng);
    const cityText = writeCity(city, rng).text;
    const contact: string[] = [];
    const phones: TruthPhoneStyle[] = [];
    const used = handles.filter((_, k) => k === 0 || rng.chance(0.6));
    const forms = lex.contact.filter((c) => c.includes('{handle}'));
    for (const h of used) contact.push(rng.pick(forms).replace('{handle}', writeHandle(h, rng)));
    if (phone && rng.chance(0.8)) {
      const written = habit.write(phone, rng);
      contact.push(lang === 'fr' ? `Tél : ${written.text}` : `Call ${written.text}`);
      phones.push(styleOf(phone, written));
    }
    const order = rng.chance(0.3) ? rng.shuffle(lines) : lines;
    const fill = (s: string) =>
      s.replace(/\{city\}/g, cityText).replace(/\{p60\}/g, String(rng.int(15, 40) * 10));
    const sourceIdx = rng.weighted(SITES, SOURCE_WEIGHTS.recruitment);
    const stock = rng.chance(0.4) ? [w.stockImage(rng)].filter(() => w.withImages) : [];
    ads.push({
      t: t + rng.int(0, 23) * 3_600_000,
      sourceIdx,
      category:
        sourceIdx >= 3 ? rng.pick(['emploi', 'services']) : rng.pick(SOURCES[sourceIdx]!.escortCategories),
      title: fill(title).includes(cityText) ? fill(title) : `${fill(title)} - ${cityText}`,
      body: [...order.map(fill), ...contact].join(rng.chance(0.5) ? '\n' : ' '),
      cityField: rng.chance(SOURCES[sourceIdx]!.cityField) ? writeCity(city, rng).text : undefined,
      images: stock,
      truth: {
        phones: phones.map((p) => p.e164),
        emails: [],
        handles: used.map((h) => ({ platform: h.platform, handle: h.handle })),
        persona,
        network,
        minor: false,
        controlled: false,
        recruitment: true,
        city: city.name,
        kind: 'recruitment',
        lang,
        stated_age: null,
        phone_styles: phones,
      },
    });
    t += (rng.int(1, 12) * DAY_MS) / w.scale;
  }
  return ads;
}

/** A seller in another category (cars, flats, jobs…): numbers everywhere, a contact phone sometimes. */
export function planNoise(w: World, rng: Rng): PlannedAd[] {
  const index = w.nextPersonaIndex();
  const n = Math.round(rng.count(1, 0.2, 3) * w.scale);
  const phoneChance = rng.next();
  const phone = phoneChance < 0.4 ? (rng.chance(0.5) ? w.pool.fixed() : w.pool.mobile()) : null;
  const email = rng.chance(0.1)
    ? makeEmail(rng.pick(['contact', 'vente', 'info', 'jean', 'marie', 'rh']), index, rng)
    : null;
  const ads: PlannedAd[] = [];
  const city = pickCity(rng);
  for (let i = 0; i < n; i++) {
    const cityText = writeCity(city, rng).text;
    const ad = makeNoiseAd(rng, cityText, city.postcodes[0]);
    const phones: TruthPhoneStyle[] = [];
    const src = rng.weighted(SITES, SOURCE_WEIGHTS.noise);
    let body = ad.body;
    let phoneField: string | undefined;
    if (phone && rng.chance(ad.phoneLikely + 0.3)) {
      if (rng.chance(SOURCES[src]!.phoneField)) {
        phoneField = writePhone(phone, 'spaced', rng).text;
        phones.push({
          e164: phone.e164,
          variant: 'structured_field',
          style: 'structured_field',
          obfuscated: false,
        });
      } else {
        const written = writePhone(
          phone,
          rng.chance(0.05)
            ? 'spelled_fr_pairs'
            : rng.pick(['plain', 'spaced', 'spaced', 'dots', 'international']),
          rng,
        );
        body += ` ${rng.pick(['Tél.', 'Contact :', 'Appeler le', 'Tel'])} ${written.text}${rng.chance(0.3) ? ' (heures de bureau)' : ''}.`;
        phones.push(styleOf(phone, written));
      }
    }
    const emails: string[] = [];
    if (email && rng.chance(0.8)) {
      body += ` ${writeEmail(email, rng, rng.chance(0.15))}`;
      emails.push(email.email);
    }
    ads.push({
      t: w.startMs + rng.int(0, w.days - 1) * DAY_MS + rng.int(7, 21) * 3_600_000,
      sourceIdx: src,
      category: ad.category,
      title: ad.title,
      body,
      phoneField,
      cityField: rng.chance(SOURCES[src]!.cityField) ? writeCity(city, rng).text : undefined,
      images: rng.chance(0.5) && w.withImages ? [noiseImage(w, index, i)] : [],
      truth: {
        phones: phones.map((p) => p.e164),
        emails,
        handles: [],
        persona: null,
        network: null,
        minor: false,
        controlled: false,
        recruitment: false,
        city: city.name,
        kind: 'noise',
        lang: 'fr',
        stated_age: null,
        phone_styles: phones,
      },
    });
  }
  return ads;
}

function noiseImage(w: World, index: number, i: number): PlannedAd['images'][number] {
  return {
    name: `item-${index}-${i}.png`,
    make: () => encodePng(drawSynthetic(Rng.derive(w.seed, 0x1073, index, i))),
  };
}
