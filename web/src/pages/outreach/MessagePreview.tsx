import type { TemplateLanguage } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';

/** The chosen message with the help resources of its language, ready to copy. */
export function MessagePreview({
  template,
  language,
}: {
  template: { id: string; name: string; text: string };
  language: TemplateLanguage;
}) {
  const { t } = useI18n();
  return (
    <div className="message-preview" data-testid="message-preview">
      <p>{template.text}</p>
      {language.resources.length > 0 ? (
        <>
          <h4>{t('outreach.resources')}</h4>
          <ul className="small">
            {language.resources.map((r) => (
              <li key={r.name}>
                <strong>{r.name}</strong> — {r.contact}
                {r.description ? <span className="muted"> · {r.description}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {language.note ? <p className="muted small">{language.note}</p> : null}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => void navigator.clipboard?.writeText(template.text)}
      >
        {t('outreach.copy')}
      </button>
    </div>
  );
}
