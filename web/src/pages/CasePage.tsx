import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useI18n } from '../app/i18n-context.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../hooks/useApi.ts';
import { describeError } from '../lib/describe-error.ts';
import { formatDateTime } from '../lib/format.ts';
import { CaseItems } from './cases/CaseItems.tsx';
import { CaseNotes } from './cases/CaseNotes.tsx';
import { CaseStatusSelect } from './cases/CaseStatusSelect.tsx';
import { EvidenceExport } from './cases/EvidenceExport.tsx';

/** One case: status, attached ads and networks, notes, evidence export. */
export function CasePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const state = useApi((signal) => api.caseDetail(id, { signal }), [id]);
  const [error, setError] = useState<string | null>(null);
  return (
    <AsyncView state={state} onRetry={state.reload}>
      {(c) => (
        <article data-testid="case-page">
          <PageHeader
            title={`#${c.id} — ${c.title}`}
            subtitle={t('cases.meta', {
              created: formatDateTime(c.createdAt, lang),
              updated: formatDateTime(c.updatedAt, lang),
            })}
            actions={<CaseStatusSelect caseId={c.id} status={c.status} onChanged={state.reload} />}
          />
          {c.description ? <p className="panel">{c.description}</p> : null}
          {error ? <p className="form-error">{error}</p> : null}
          <div className="grid-2">
            <section className="panel">
              <h2>{t('cases.attached', { count: c.ads.length + c.networks.length })}</h2>
              <CaseItems
                ads={c.ads}
                networks={c.networks}
                onRemove={(kind, ref) =>
                  api.removeCaseItem(c.id, kind, ref).then(state.reload, (e) => setError(describeError(e, t)))
                }
              />
            </section>
            <section className="panel">
              <h2>{t('cases.evidence')}</h2>
              <EvidenceExport caseId={c.id} />
            </section>
          </div>
          <section className="panel">
            <h2>{t('cases.notes')}</h2>
            <CaseNotes caseId={c.id} notes={c.notes} onAdded={state.reload} />
          </section>
        </article>
      )}
    </AsyncView>
  );
}
