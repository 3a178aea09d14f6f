import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { describeError } from '../../lib/describe-error.ts';
import { formatDateTime } from '../../lib/format.ts';

/** Retention: ads older than N days and in no case are purged (each purge is audited). */
export function RetentionPanel() {
  const { t, lang } = useI18n();
  const state = useApi((signal) => api.retention({ signal }), []);
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (state.data) setDays(state.data.days === null ? '' : String(state.data.days));
  }, [state.data]);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const n = days.trim() === '' ? null : Number(days);
    if (n !== null && !(Number.isInteger(n) && n > 0)) {
      setMessage(t('admin.retentionInvalid'));
      return;
    }
    try {
      await api.setRetention(n);
      setMessage(t('admin.saved'));
      state.reload();
    } catch (err) {
      setMessage(describeError(err, t));
    }
  };
  return (
    <section className="panel">
      <h2>{t('admin.retention')}</h2>
      <AsyncView state={state} onRetry={state.reload}>
        {(r) => (
          <form className="inline-form" onSubmit={save}>
            <label>
              {t('admin.retentionDays')}
              <input
                type="number"
                min={1}
                value={days}
                onChange={(e) => setDays(e.target.value)}
                placeholder={t('admin.keepForever')}
              />
            </label>
            <button type="submit" className="btn btn-primary">
              {t('action.save')}
            </button>
            <span className="muted small">
              {t('admin.lastPurge', { at: formatDateTime(r.lastPurgeAt, lang) })}
            </span>
          </form>
        )}
      </AsyncView>
      <p className="muted small">{t('admin.retentionHelp')}</p>
      {message ? <output className="notice">{message}</output> : null}
    </section>
  );
}
