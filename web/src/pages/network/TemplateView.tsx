import type { TemplateInfo } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { splitTemplate, withOffsets } from '../../lib/template-parts.ts';

/** The shared phrasing of the network's ads with its slots (what changes from one ad to the next). */
export function TemplateView({ template }: { template: TemplateInfo | null | undefined }) {
  const { t } = useI18n();
  if (!template) return <p className="muted">{t('network.noTemplate')}</p>;
  const slots = new Map(template.slots.map((s) => [s.key, s]));
  return (
    <div className="template" data-testid="template">
      <p className="template-text">
        {withOffsets(splitTemplate(template.template)).map((p) =>
          p.slot ? (
            <span
              key={p.at}
              className="slot"
              title={slots
                .get(p.slot)
                ?.values.map((v) => v.value)
                .join(', ')}
            >
              {t(`slot.${slots.get(p.slot)?.label ?? 'text'}`)}
            </span>
          ) : (
            <span key={p.at}>{p.text}</span>
          ),
        )}
      </p>
      {template.support ? (
        <p className="muted small">{t('network.templateSupport', { count: template.support })}</p>
      ) : null}
      <dl className="slot-values">
        {template.slots.map((s) => (
          <div key={s.key}>
            <dt>{t(`slot.${s.label}`)}</dt>
            <dd>{s.values.map((v) => `${v.value} (${v.count})`).join(' · ')}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
