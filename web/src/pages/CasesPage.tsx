import { type FormEvent, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useI18n } from '../app/i18n-context.ts';
import { useRouter } from '../app/router-context.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { Empty } from '../components/Empty.tsx';
import { Link } from '../components/Link.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../hooks/useApi.ts';
import { describeError } from '../lib/describe-error.ts';
import { formatDateTime } from '../lib/format.ts';

/** The unit's cases, newest activity first, and a quick way to open a new one. */
export function CasesPage() {
  const { t, lang } = useI18n();
  const { navigate } = useRouter();
  const cases = useApi((signal) => api.cases({ signal }), []);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    try {
      const c = await api.createCase(title.trim());
      navigate(`/cases/${c.id}`);
    } catch (err) {
      setError(describeError(err, t));
    }
  };
  return (
    <section>
      <PageHeader title={t('cases.title')} subtitle={t('cases.subtitle')} />
      <form className="inline-form panel" onSubmit={create}>
        <label>
          {t('cases.newTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('cases.create')}
        </button>
        {error ? <span className="form-error">{error}</span> : null}
      </form>
      <AsyncView state={cases} onRetry={cases.reload}>
        {(list) =>
          list.items.length === 0 ? (
            <Empty>{t('cases.empty')}</Empty>
          ) : (
            <table className="table" data-testid="cases-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('cases.caseTitle')}</th>
                  <th>{t('cases.status')}</th>
                  <th>{t('cases.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((c) => (
                  <tr key={c.id}>
                    <td>{c.id}</td>
                    <td>
                      <Link href={`/cases/${c.id}`}>{c.title}</Link>
                    </td>
                    <td>
                      <span className={`tag status-${c.status}`}>{t(`caseStatus.${c.status}`)}</span>
                    </td>
                    <td className="nowrap">{formatDateTime(c.updatedAt ?? c.createdAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </AsyncView>
    </section>
  );
}
