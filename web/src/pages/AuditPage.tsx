import { type FormEvent, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useI18n } from '../app/i18n-context.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { Empty } from '../components/Empty.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../hooks/useApi.ts';
import { describeError } from '../lib/describe-error.ts';
import { saveResponse } from '../lib/download.ts';
import { formatDateTime, shortHash } from '../lib/format.ts';
import { AuditVerify } from './audit/AuditVerify.tsx';

type Filter = { actor?: string; action?: string; from?: string; to?: string };

const FIELDS: [keyof Filter, string, string][] = [
  ['actor', 'audit.actor', 'text'],
  ['action', 'audit.action', 'text'],
  ['from', 'filters.from', 'date'],
  ['to', 'filters.to', 'date'],
];

/** The tamper-evident log of every access (read-only): filter, page back in time, verify, export. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<Filter>({});
  const [draft, setDraft] = useState<Filter>({});
  // Pages go back in time: each entry of the stack is the `before` cursor of a page.
  const [stack, setStack] = useState<(number | undefined)[]>([undefined]);
  const before = stack[stack.length - 1];
  const log = useApi(
    (signal) => api.audit({ ...filter, before }, { signal }),
    [JSON.stringify(filter), before],
  );
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setStack([undefined]);
    setFilter(draft);
  };
  const exportCsv = async () => {
    try {
      await saveResponse(await api.exportAudit(filter), 'vigie-audit.csv');
    } catch (e) {
      setError(describeError(e, t));
    }
  };
  return (
    <section>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <>
            <AuditVerify />
            <button type="button" className="btn" onClick={() => void exportCsv()}>
              {t('audit.export')}
            </button>
          </>
        }
      />
      {error ? <p className="form-error">{error}</p> : null}
      <form className="filters inline-form" onSubmit={submit}>
        {FIELDS.map(([k, label, type]) => (
          <label key={k}>
            {t(label)}
            <input
              type={type}
              value={draft[k] ?? ''}
              onChange={(e) => setDraft({ ...draft, [k]: e.target.value || undefined })}
            />
          </label>
        ))}
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
                    <tr key={e.seq}>
                      <td className="num">{e.seq}</td>
                      <td className="nowrap">{formatDateTime(e.at, lang)}</td>
                      <td>
                        {e.actor ?? '—'}
                        {e.role ? <span className="muted"> ({t(`role.${e.role}`)})</span> : null}
                      </td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td>{e.targetType ? `${e.targetType}${e.targetId ? ` ${e.targetId}` : ''}` : '—'}</td>
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
              <nav className="pagination" aria-label={t('pagination.label')}>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={stack.length <= 1}
                  onClick={() => setStack(stack.slice(0, -1))}
                >
                  {t('audit.newer')}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={p.nextBefore === null}
                  onClick={() => setStack([...stack, p.nextBefore ?? undefined])}
                >
                  {t('audit.older')}
                </button>
              </nav>
            </>
          )
        }
      </AsyncView>
    </section>
  );
}
