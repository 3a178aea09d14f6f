import { type FormEvent, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useI18n } from '../app/i18n-context.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { Empty } from '../components/Empty.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { useApi } from '../hooks/useApi.ts';
import { toCsv } from '../lib/csv.ts';
import { saveBlob } from '../lib/download.ts';
import { formatDateTime, shortHash } from '../lib/format.ts';

const PAGE_SIZE = 100;

/** The tamper-evident log of every access (read-only), filterable and exportable. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<{ actor?: string; action?: string; from?: string; to?: string }>({});
  const [draft, setDraft] = useState(filter);
  const [page, setPage] = useState(1);
  const log = useApi((signal) => api.audit({ ...filter, page }, { signal }), [JSON.stringify(filter), page]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setFilter(draft);
  };
  const exportCsv = () => {
    const items = log.data?.items ?? [];
    const csv = toCsv(
      ['id', 'at', 'actor', 'action', 'target', 'ip', 'hash'],
      items.map((e) => [e.id, e.at, e.actor ?? '', e.action, e.target ?? '', e.ip ?? '', e.hash ?? '']),
    );
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'vigie-audit.csv');
  };
  return (
    <section>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <button type="button" className="btn" onClick={exportCsv} disabled={!log.data}>
            {t('audit.export')}
          </button>
        }
      />
      <form className="filters inline-form" onSubmit={submit}>
        <label>
          {t('audit.actor')}
          <input
            value={draft.actor ?? ''}
            onChange={(e) => setDraft({ ...draft, actor: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('audit.action')}
          <input
            value={draft.action ?? ''}
            onChange={(e) => setDraft({ ...draft, action: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('filters.from')}
          <input
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('filters.to')}
          <input
            type="date"
            value={draft.to ?? ''}
            onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })}
          />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('filters.apply')}
        </button>
      </form>
      <AsyncView state={log} onRetry={log.reload}>
        {(p) =>
          p.items.length === 0 ? (
            <Empty>{t('audit.empty')}</Empty>
          ) : (
            <>
              <table className="table compact" data-testid="audit-table">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t('audit.when')}</th>
                    <th>{t('audit.actor')}</th>
                    <th>{t('audit.action')}</th>
                    <th>{t('audit.target')}</th>
                    <th>{t('audit.from')}</th>
                    <th>{t('audit.hash')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((e) => (
                    <tr key={e.id}>
                      <td>{e.id}</td>
                      <td className="nowrap">{formatDateTime(e.at, lang)}</td>
                      <td>{e.actor ?? '—'}</td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td>{e.target ?? '—'}</td>
                      <td>{e.ip ?? '—'}</td>
                      <td>
                        <code className="hash" title={e.hash}>
                          {shortHash(e.hash)}
                        </code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pagination page={page} pageSize={PAGE_SIZE} total={p.total} onPage={setPage} />
            </>
          )
        }
      </AsyncView>
    </section>
  );
}
