import { createContext, useContext } from 'react';
import type { Lang, Params } from '../lib/i18n.ts';

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: string, params?: Params) => string;
}

export const I18nContext = createContext<I18n | null>(null);

/** The current language and translate function. */
export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
