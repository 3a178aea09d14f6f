/**
 * Prices and the duration they buy: "150 roses", "100€ la demi-heure", "200/h", "1h 250", "$200 per hour".
 * Two linear passes over the tokens: durations first, then amounts with a currency or next to a duration.
 */
import { type FieldTokens, type Token, tokenizeFields } from '../gazetteer/text-tokens.ts';
import type { AdContent, PriceEntity } from '../types.ts';

type Currency = PriceEntity['currency'];

const CURRENCY_AFTER: Record<string, Currency> = {
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  balles: 'EUR',
  $: 'USD',
  usd: 'USD',
  dollars: 'USD',
  dollar: 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  pounds: 'GBP',
  chf: 'CHF',
  roses: 'roses',
  rose: 'roses',
  '🌹': 'roses',
};
/** Only when glued to the digits ("150e", "150r", "200fr"). */
const CURRENCY_GLUED: Record<string, Currency> = { e: 'EUR', r: 'roses', fr: 'CHF' };
const CURRENCY_BEFORE: Record<string, Currency> = { '€': 'EUR', $: 'USD', '£': 'GBP', chf: 'CHF' };
const LINK_WORDS = new Set(['la', 'l', 'le', 'les', 'pour', 'par', 'the', 'per', 'a', 'an', '/', ':', '=']);
const HOUR_WORDS = new Set(['h', 'heure', 'heures', 'hr', 'hrs', 'hour', 'hours', 'hora', 'horas']);
const MIN_WORDS = new Set(['min', 'mn', 'mins', 'minute', 'minutes', 'minutos', 'm']);

interface Duration {
  start: number;
  end: number;
  minutes: number;
}

function findDurations(toks: Token[]): Duration[] {
  const out: Duration[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const n1 = toks[i + 1];
    if (t.k === 'n' && t.t.length <= 3 && n1) {
      const v = Number(t.t);
      if (HOUR_WORDS.has(n1.t) && v > 0 && v <= 24) {
        let minutes = v * 60;
        let end = i + 2;
        const m = toks[i + 2];
        // "1h30": minutes glued to the hour mark.
        if (n1.t === 'h' && m && m.k === 'n' && m.sep === 'none' && m.t.length === 2 && Number(m.t) < 60) {
          minutes += Number(m.t);
          end = i + 3;
        }
        out.push({ start: i, end, minutes });
        i = end - 1;
        continue;
      }
      if (MIN_WORDS.has(n1.t) && (n1.t !== 'm' || n1.sep === 'none') && v > 0 && v <= 240) {
        out.push({ start: i, end: i + 2, minutes: v });
        i += 1;
        continue;
      }
    }
    if (t.k === 'w') {
      if (t.t === 'demi' && n1 && (n1.t === 'heure' || n1.t === 'h'))
        out.push({ start: i, end: i + 2, minutes: 30 });
      else if (t.t === 'demi' && i > 0 && ['la', 'une', '1'].includes(toks[i - 1]!.t))
        out.push({ start: i, end: i + 1, minutes: 30 });
      else if (t.t === 'h' && i > 0 && toks[i - 1]!.t === 'l')
        out.push({ start: i - 1, end: i + 1, minutes: 60 });
      else if (t.t === 'half' && n1 && n1.t === 'hour') out.push({ start: i, end: i + 2, minutes: 30 });
      else if (t.t === 'quart' && n1 && n1.t === 'd' && toks[i + 2]?.t === 'heure')
        out.push({ start: i, end: i + 3, minutes: 15 });
      else if (
        (t.t === 'heure' || t.t === 'hour') &&
        i > 0 &&
        ['l', 'une', 'par', 'per', 'an', 'the', 'a', '/'].includes(toks[i - 1]!.t)
      )
        out.push({ start: i - 1, end: i + 1, minutes: 60 });
      else if (t.t === 'h' && i > 0 && toks[i - 1]!.t === '/')
        out.push({ start: i - 1, end: i + 1, minutes: 60 });
    }
  }
  return out;
}

/** Prices in already tokenized fields. */
export function pricesFromTokens(fields: FieldTokens[]): PriceEntity[] {
  const out: PriceEntity[] = [];
  for (const f of fields) {
    const toks = f.tokens;
    const durs = findDurations(toks);
    const inDur = new Uint8Array(toks.length);
    // Durations indexed by their first and past-the-end token, so each amount looks only nearby.
    const durByStart: (Duration | undefined)[] = new Array(toks.length + 1);
    const durByEnd: (Duration | undefined)[] = new Array(toks.length + 1);
    for (const d of durs) {
      for (let k = d.start; k < d.end; k++) inDur[k] = 1;
      durByStart[d.start] ??= d;
      durByEnd[d.end] ??= d;
    }
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.k !== 'n' || inDur[i] || t.t.length > 6) continue;
      const amount = Number(t.t);
      if (amount <= 0) continue;
      const prev = toks[i - 1];
      const next = toks[i + 1];
      // Digits glued to other digits or letters before them (phones, references) are not prices.
      if (prev && t.sep === 'none' && (prev.k === 'n' || prev.k === 'w')) continue;
      if (prev && prev.k === 'n' && next && next.k === 'n') continue;
      let currency: Currency | undefined;
      let start = i;
      let end = i + 1;
      if (next && CURRENCY_AFTER[next.t] !== undefined) {
        currency = CURRENCY_AFTER[next.t];
        end = i + 2;
      } else if (
        next &&
        next.sep === 'none' &&
        CURRENCY_GLUED[next.t] !== undefined &&
        // "20e" after a city is an arrondissement, "3e" an ordinal: a glued "e" needs a price-sized amount.
        (next.t !== 'e' || (amount >= 30 && !(prev && prev.k === 'w' && prev.cap)))
      ) {
        currency = CURRENCY_GLUED[next.t];
        end = i + 2;
      } else if (prev && CURRENCY_BEFORE[prev.t] !== undefined) {
        currency = CURRENCY_BEFORE[prev.t];
        start = i - 1;
      }
      let durAfter: Duration | undefined;
      for (let k = end; k <= end + 3 && k < toks.length && !durAfter; k++) durAfter = durByStart[k];
      let durBefore: Duration | undefined;
      for (let k = start; k >= start - 2 && k > 0 && !durBefore; k--) durBefore = durByEnd[k];
      if (currency === undefined) {
        // "200/h", "1h 250", "30min : 100": a bare amount next to a duration is a price in euros.
        const slashH = next?.t === '/' && durAfter !== undefined && durAfter.start === i + 1;
        const afterDur =
          durBefore !== undefined &&
          (durBefore.end === i || (durBefore.end === i - 1 && [':', '=', '-', '>', '→'].includes(prev!.t)));
        // "80 la demi-heure", "150 l'heure", "100 pour 30 min": an amount then a duration after a linking word.
        const linked =
          durAfter !== undefined &&
          (durAfter.start === end || (durAfter.start === end + 1 && LINK_WORDS.has(toks[end]!.t)));
        if (!(slashH || afterDur || linked) || amount < 20 || amount > 5000) continue;
        currency = 'EUR';
      }
      if (amount > 100_000) continue;
      const dur = durAfter ?? durBefore;
      out.push({
        amount,
        currency,
        minutes: dur?.minutes,
        spans: [{ field: f.field as 'title' | 'body', start: toks[start]!.s, end: toks[end - 1]!.e }],
      });
      i = end - 1;
    }
  }
  return out;
}

/** Prices (and the duration they buy) stated in an ad. */
export function extractPrices(content: AdContent): PriceEntity[] {
  return pricesFromTokens(tokenizeFields(content));
}
