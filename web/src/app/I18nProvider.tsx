import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import en from '../i18n/en.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import { type Dict, type Lang, type Params, pickLang, translate } from '../lib/i18n.ts';
import { I18nContext } from './i18n-context.ts';

const DICTS: Record<Lang, Dict> = { fr, en };
const STORAGE_KEY = 'vigie.lang';

function storedLang(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Holds the language (French by default, remembered per browser) and sets `<html lang>`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => pickLang(storedLang()));
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Private mode: the choice lasts for this tab only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(
    () => ({
      lang,
      setLang,
      t: (key: string, params?: Params) => translate(DICTS[lang], DICTS.fr, key, params),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
