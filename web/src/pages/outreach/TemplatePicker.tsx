import type { TemplateLanguage } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';

/** Message templates grouped by language, the person's language first. */
export function TemplatePicker({
  languages,
  preferred,
  value,
  onChange,
}: {
  languages: TemplateLanguage[];
  preferred?: string | null;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useI18n();
  const sorted = [...languages].sort(
    (a, b) => Number(b.lang === preferred) - Number(a.lang === preferred) || a.lang.localeCompare(b.lang),
  );
  return (
    <label className="block-label">
      {t('outreach.template')}
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        data-testid="template-picker"
      >
        <option value="">{t('outreach.chooseTemplate')}</option>
        {sorted.map((l) => (
          <optgroup key={l.lang} label={l.label}>
            {l.templates.map((tp) => (
              <option key={tp.id} value={tp.id}>
                [{l.lang.toUpperCase()}] {tp.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
