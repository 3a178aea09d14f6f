import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import type { Role } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { AsyncView } from '../../components/AsyncView.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { describeError } from '../../lib/describe-error.ts';
import { formatDateTime } from '../../lib/format.ts';

const ROLES: Role[] = ['analyst', 'outreach', 'auditor', 'admin'];

/** Accounts: create (the one-time password is shown once), change role, disable/enable. */
export function UsersPanel() {
  const { t, lang } = useI18n();
  const users = useApi((signal) => api.users({ signal }), []);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [message, setMessage] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      users.reload();
    } catch (e) {
      setMessage(describeError(e, t));
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim()) return;
    try {
      const r = await api.createUser(username.trim(), role);
      setMessage(t('admin.userCreated', { username: r.user.username, password: r.oneTimePassword ?? '—' }));
      setUsername('');
      users.reload();
    } catch (err) {
      setMessage(describeError(err, t));
    }
  };
  return (
    <section className="panel">
      <h2>{t('admin.users')}</h2>
      <form className="inline-form" onSubmit={create}>
        <label>
          {t('login.username')}
          <input value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t('admin.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary">
          {t('admin.createUser')}
        </button>
      </form>
      {message ? <output className="notice">{message}</output> : null}
      <AsyncView state={users} onRetry={users.reload}>
        {(list) => (
          <table className="table compact">
            <thead>
              <tr>
                <th>{t('login.username')}</th>
                <th>{t('admin.role')}</th>
                <th>{t('admin.state')}</th>
                <th>{t('admin.created')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.items.map((u) => (
                <tr key={u.id} className={u.disabled ? 'reviewed' : ''}>
                  <td>{u.username}</td>
                  <td>
                    <select
                      value={u.role}
                      aria-label={t('admin.roleOf', { username: u.username })}
                      onChange={(e) => void run(() => api.updateUser(u.id, { role: e.target.value as Role }))}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{u.disabled ? t('admin.disabled') : t('admin.active')}</td>
                  <td className="nowrap">{formatDateTime(u.createdAt, lang)}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => void run(() => api.updateUser(u.id, { disabled: !u.disabled }))}
                    >
                      {u.disabled ? t('admin.enable') : t('admin.disable')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </AsyncView>
    </section>
  );
}
