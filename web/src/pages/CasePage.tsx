import { api } from '../api/endpoints.ts';
import { useI18n } from '../app/i18n-context.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../hooks/useApi.ts';
import { formatDateTime } from '../lib/format.ts';
import { CaseItems } from './cases/CaseItems.tsx';
import { CaseNotes } from './cases/CaseNotes.tsx';
import { CaseStatusSelect } from './cases/CaseStatusSelect.tsx';
import { EvidenceExport } from './cases/EvidenceExport.tsx';

/** One case: status, attached ads and networks, notes, evidence export. */
export function CasePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const state = useApi((signal) => api.caseDetail(id, { signal }), [id]);
  return (
    <AsyncView state={state} onRetry={state.reload}>
      {(c) => (
        <article data-testid="case-page">
          <PageHeader
            title={`#${c.id} — ${c.title}`}
            subtitle={t('cases.meta', {
              created: formatDateTime(c.createdAt, lang),
              assignee: c.assignee ?? '—',
            })}
            actions={<CaseStatusSelect caseId={c.id} status={c.status} onChanged={state.reload} />}
          />
          {c.description ? <p className="panel">{c.description}</p> : null}
          <div className="grid-2">
            <section className="panel">
              <h2>{t('cases.attached', { count: c.items.length })}</h2>
              <CaseItems items={c.items} />
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
