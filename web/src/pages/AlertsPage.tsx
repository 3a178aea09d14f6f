import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useI18n } from '../app/i18n-context.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { Empty } from '../components/Empty.tsx';
import { Link } from '../components/Link.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../hooks/useApi.ts';
import { describeError } from '../lib/describe-error.ts';
import { formatDateTime } from '../lib/format.ts';
import { WatchForm } from './alerts/WatchForm.tsx';

/** New ads matching what the analyst watches (phones, handles, images, saved searches), and the watchlists. */
export function AlertsPage() {
  const { t, lang } = useI18n();
  const alerts = useApi((signal) => api.alerts({ signal }), []);
  const watches = useApi((signal) => api.watches({ signal }), []);
  const [notice, setNotice] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>, after: () => void) => {
    try {
      await fn();
      after();
    } catch (e) {
      setNotice(describeError(e, t));
    }
  };
  return (
    <section>
      <PageHeader title={t('alerts.title')} subtitle={t('alerts.subtitle')} />
      <Notice message={notice} onClear={() => setNotice(null)} />
      <div className="grid-2">
        <section className="panel">
          <h2>{t('alerts.new')}</h2>
          <AsyncView state={alerts} onRetry={alerts.reload}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('alerts.empty')}</Empty>
              ) : (
                <table className="table compact">
                  <thead>
                    <tr>
                      <th>{t('alerts.when')}</th>
                      <th>{t('alerts.watch')}</th>
                      <th>{t('alerts.ad')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((a) => (
                      <tr key={a.id} className={a.seenAt ? 'reviewed' : ''}>
                        <td className="nowrap">{formatDateTime(a.createdAt, lang)}</td>
                        <td>
                          <span className="tag">{t(`watchKind.${a.watchlist.kind}`)}</span>{' '}
                          {a.watchlist.label ?? `#${a.watchlist.id}`}
                        </td>
                        <td>
                          <Link href={`/ads/${a.ad.id}`}>{a.ad.title || `#${a.ad.id}`}</Link>
                          <span className="muted"> · {a.ad.city ?? '—'}</span>
                        </td>
                        <td>
                          {a.seenAt ? (
                            <span className="muted">{t('alerts.seen')}</span>
                          ) : (
                            <button
                              type="button"
                              className="btn btn-small"
                              onClick={() => void act(() => api.markAlertsSeen([a.id]), alerts.reload)}
                            >
                              {t('alerts.markSeen')}
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
        <section className="panel">
          <h2>{t('alerts.watchlists')}</h2>
          <WatchForm onAdded={watches.reload} onError={setNotice} />
          <AsyncView state={watches} onRetry={watches.reload}>
            {(list) =>
              list.items.length === 0 ? (
                <Empty>{t('alerts.noWatches')}</Empty>
              ) : (
                <ul className="watch-list">
                  {list.items.map((w) => (
                    <li key={w.id}>
                      <span className="tag">{t(`watchKind.${w.kind}`)}</span>{' '}
                      <strong>{w.label || w.value}</strong>
                      {w.label && w.label !== w.value ? <span className="muted"> · {w.value}</span> : null}
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        onClick={() => void act(() => api.removeWatch(w.id), watches.reload)}
                      >
                        {t('action.remove')}
                      </button>
                    </li>
                  ))}
                </ul>
              )
            }
          </AsyncView>
        </section>
      </div>
    </section>
  );
}
