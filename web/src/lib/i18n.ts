/**
 * Translation lookup. Dictionaries are flat JSON files (`fr.json`, `en.json`) with dotted keys; `{name}`
 * placeholders are replaced by parameters. French is the default and the fallback.
 */

export type Lang = 'fr' | 'en';
export type Dict = Readonly<Record<string, string>>;
export type Params = Readonly<Record<string, string | number>>;

export const LANGS: readonly Lang[] = ['fr', 'en'];
export const DEFAULT_LANG: Lang = 'fr';

/** Replaces `{name}` placeholders; unknown placeholders are left visible so they get noticed. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    const name = template.slice(open + 1, close);
    out += template.slice(i, open);
    out += name in params ? String(params[name]) : template.slice(open, close + 1);
    i = close + 1;
  }
  return out + template.slice(i);
}

/**
 * Looks a key up in `dict`, then in `fallback`, and returns the key itself when both miss. A `count`
 * parameter selects `key.one` / `key.other` when those exist.
 */
export function translate(dict: Dict, fallback: Dict, key: string, params?: Params): string {
  let k = key;
  if (params && typeof params.count === 'number') {
    const plural = params.count === 1 || (params.count === 0 && dict === fallback) ? 'one' : 'other';
    const form = `${key}.${plural}`;
    if (form in dict || form in fallback) k = form;
  }
  const template = dict[k] ?? fallback[k];
  return template === undefined ? key : interpolate(template, params);
}

/** Picks the language: a stored choice, else French (the tool's audience is French). */
export function pickLang(stored: string | null | undefined): Lang {
  return stored === 'en' || stored === 'fr' ? stored : DEFAULT_LANG;
}

/** Keys present in one dictionary but missing from another (used by a test to keep them in sync). */
export function missingKeys(reference: Dict, other: Dict): string[] {
  return Object.keys(reference).filter((k) => !(k in other));
}
