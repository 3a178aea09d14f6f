import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { describeError } from '../../lib/describe-error.ts';

/** Retention: ads last seen more than N days ago and in no case can be purged (counted first; audited). */
export function RetentionPanel() {
  const { t } = useI18n();
  const state = useApi((signal) => api.settings({ signal }), []);
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  useEffect(() => {
    if (state.data) setDays(state.data.retentionDays === null ? '' : String(state.data.retentionDays));
  }, [state.data]);
  const parsed = days.trim() === '' ? null : Number(days);
  const valid = parsed === null || (Number.isInteger(parsed) && parsed > 0);
  const run = async (fn: () => Promise<string>) => {
    if (!valid) {
      setMessage({ text: t('admin.retentionInvalid'), ok: false });
      return;
    }
    try {
      setMessage({ text: await fn(), ok: true });
      state.reload();
    } catch (err) {
      setMessage({ text: describeError(err, t), ok: false });
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.saveSettings({ retentionDays: parsed });
      return t('admin.saved');
    });
  };
  const purge = (dryRun: boolean) =>
    run(async () => {
      if (parsed === null) throw new Error(t('admin.retentionInvalid'));
      if (!dryRun && !window.confirm(t('admin.purgeConfirm', { days: parsed })))
        return t('admin.purgeCancelled');
      const r = await api.purge(parsed, dryRun);
      const count = r.ads;
      return dryRun ? t('admin.purgeDry', { count }) : t('admin.purgeDone', { count });
    });
  return (
    <section className="panel">
      <h2>{t('admin.retention')}</h2>
      <AsyncView state={state} onRetry={state.reload}>
        {() => (
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
            <button type="button" className="btn" disabled={parsed === null} onClick={() => void purge(true)}>
              {t('admin.purgeCount')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={parsed === null}
              onClick={() => void purge(false)}
            >
              {t('admin.purgeNow')}
            </button>
          </form>
        )}
      </AsyncView>
      <p className="muted small">{t('admin.retentionHelp')}</p>
      {message ? <output className={message.ok ? 'notice' : 'form-error'}>{message.text}</output> : null}
    </section>
  );
}
