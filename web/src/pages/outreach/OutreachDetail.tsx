import { useMemo, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import type { OutreachItem } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { formatPhone } from '../../lib/format.ts';
import { ContactForm } from './ContactForm.tsx';
import { ContactHistory } from './ContactHistory.tsx';
import { ControllerWarning } from './ControllerWarning.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';

/** One person to contact: warning first, then the message template and the contact log. */
export function OutreachDetail({ item, onLogged }: { item: OutreachItem; onLogged: () => void }) {
  const { t } = useI18n();
  const templates = useApi((signal) => api.outreachTemplates({ signal }), []);
  const history = useApi((signal) => api.contacts(item.adId, { signal }), [item.adId]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(!item.mayReachController);
  const chosen = useMemo(
    () => templates.data?.find((x) => x.id === templateId) ?? null,
    [templates.data, templateId],
  );
  return (
    <div className="panel outreach-detail" data-testid="outreach-detail">
      <h2>{item.title || `#${item.adId}`}</h2>
      <p className="muted">
        {item.city ?? '—'} · {item.phone ? formatPhone(item.phone) : t('outreach.noPhone')}
        {item.language ? ` · ${item.language.toUpperCase()}` : ''}
      </p>
      {item.mayReachController ? (
        <ControllerWarning
          reasons={item.warnings ?? []}
          acknowledged={acknowledged}
          onAcknowledge={setAcknowledged}
        />
      ) : null}
      <AsyncView state={templates} onRetry={templates.reload}>
        {(list) => (
          <TemplatePicker
            templates={list}
            preferred={item.language}
            value={templateId}
            onChange={setTemplateId}
          />
        )}
      </AsyncView>
      {chosen ? (
        <div className="message-preview" data-testid="message-preview">
          <p>{chosen.body}</p>
          {chosen.resources && chosen.resources.length > 0 ? (
            <ul className="small">
              {chosen.resources.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void navigator.clipboard?.writeText(chosen.body)}
          >
            {t('outreach.copy')}
          </button>
        </div>
      ) : null}
      <ContactForm
        adId={item.adId}
        templateId={templateId}
        disabled={!acknowledged}
        onLogged={() => {
          history.reload();
          onLogged();
        }}
      />
      <h3>{t('outreach.history')}</h3>
      <AsyncView state={history} onRetry={history.reload}>
        {(list) => <ContactHistory entries={list} />}
      </AsyncView>
    </div>
  );
}
