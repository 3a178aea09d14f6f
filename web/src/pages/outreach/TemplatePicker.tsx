import type { OutreachTemplate } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';

/** Message templates, the person's language first. */
export function TemplatePicker({
  templates,
  preferred,
  value,
  onChange,
}: {
  templates: OutreachTemplate[];
  preferred?: string | null;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useI18n();
  const sorted = [...templates].sort(
    (a, b) =>
      Number(b.language === preferred) - Number(a.language === preferred) ||
      a.language.localeCompare(b.language),
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
        {sorted.map((tp) => (
          <option key={tp.id} value={tp.id}>
            [{tp.language.toUpperCase()}] {tp.title}
          </option>
        ))}
      </select>
    </label>
  );
}
