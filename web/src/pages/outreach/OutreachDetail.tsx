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
import { MessagePreview } from './MessagePreview.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';

/** One person to contact: the warning first, then the ad text, the message template and the contact log. */
export function OutreachDetail({ item, onLogged }: { item: OutreachItem; onLogged: () => void }) {
  const { t } = useI18n();
  const templates = useApi((signal) => api.outreachTemplates({ signal }), []);
  const history = useApi((signal) => api.contacts(item.id, { signal }), [item.id]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const warned = item.warning?.mayReachController === true;
  const [acknowledged, setAcknowledged] = useState(!warned);
  const chosen = useMemo(() => {
    for (const l of templates.data?.languages ?? []) {
      const tp = l.templates.find((x) => x.id === templateId);
      if (tp) return { template: tp, language: l };
    }
    return null;
  }, [templates.data, templateId]);
  return (
    <div className="panel outreach-detail" data-testid="outreach-detail">
      <h2>{item.title || `#${item.id}`}</h2>
      <p className="muted">
        {item.city ?? '—'} · {item.phones.map(formatPhone).join(', ') || t('outreach.noPhone')}
        {item.lang ? ` · ${item.lang.toUpperCase()}` : ''}
      </p>
      {warned ? (
        <ControllerWarning
          reasons={item.warning?.reasons ?? []}
          acknowledged={acknowledged}
          onAcknowledge={setAcknowledged}
        />
      ) : null}
      {item.body ? <p className="ad-excerpt">{item.body}</p> : null}
      <AsyncView state={templates} onRetry={templates.reload}>
        {(list) => (
          <TemplatePicker
            languages={list.languages}
            preferred={item.lang}
            value={templateId}
            onChange={setTemplateId}
          />
        )}
      </AsyncView>
      {chosen ? <MessagePreview template={chosen.template} language={chosen.language} /> : null}
      <ContactForm
        adId={item.id}
        templateId={templateId}
        lang={chosen?.language.lang}
        disabled={!acknowledged}
        onLogged={() => {
          history.reload();
          onLogged();
        }}
      />
      <h3>{t('outreach.history')}</h3>
      <AsyncView state={history} onRetry={history.reload}>
        {(list) => <ContactHistory entries={list.items} />}
      </AsyncView>
    </div>
  );
}
