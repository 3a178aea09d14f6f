import { useI18n } from '../app/i18n-context.ts';
import { LANGS } from '../lib/i18n.ts';

/** FR | EN toggle; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="sr-only">{t('lang.label')}</legend>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          className={l === lang ? 'active' : ''}
          aria-pressed={l === lang}
          onClick={() => setLang(l)}
          lang={l}
          title={t(`lang.${l}`)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
