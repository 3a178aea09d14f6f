import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { describeError } from '../../lib/describe-error.ts';
import { formatDateTime } from '../../lib/format.ts';

/** Keys for ad-platform moderators (scoring endpoint only); the secret is shown once at creation. */
export function ApiKeysPanel() {
  const { t, lang } = useI18n();
  const keys = useApi((signal) => api.apiKeys({ signal }), []);
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return;
    try {
      const r = await api.createApiKey(label.trim());
      setMessage(t('admin.keyCreated', { secret: r.key }));
      setLabel('');
      keys.reload();
    } catch (err) {
      setMessage(describeError(err, t));
    }
  };
  const revoke = async (id: number) => {
    try {
      await api.revokeApiKey(id);
      keys.reload();
    } catch (err) {
      setMessage(describeError(err, t));
    }
  };
  return (
    <section className="panel">
      <h2>{t('admin.apiKeys')}</h2>
      <form className="inline-form" onSubmit={create}>
        <label>
          {t('admin.keyLabel')}
          <input value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('admin.createKey')}
        </button>
      </form>
      {message ? (
        <output className="notice">
          <code>{message}</code>
        </output>
      ) : null}
      <AsyncView state={keys} onRetry={keys.reload}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t('admin.noKeys')}</p>
          ) : (
            <table className="table compact">
              <thead>
                <tr>
                  <th>{t('admin.keyLabel')}</th>
                  <th>{t('admin.prefix')}</th>
                  <th>{t('admin.created')}</th>
                  <th>{t('admin.lastUsed')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.items.map((k) => (
                  <tr key={k.id} className={k.revokedAt ? 'reviewed' : ''}>
                    <td>{k.name}</td>
                    <td>
                      <code>{k.prefix ?? '—'}</code>
                    </td>
                    <td className="nowrap">{formatDateTime(k.createdAt, lang)}</td>
                    <td className="nowrap">{formatDateTime(k.lastUsedAt, lang)}</td>
                    <td>
                      {k.revokedAt ? (
                        <span className="muted">{t('admin.revoked')}</span>
                      ) : (
                        <button type="button" className="btn btn-small" onClick={() => void revoke(k.id)}>
                          {t('admin.revoke')}
                        </button>
                      )}
                    </td>
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
