import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../app/i18n-context.ts';
import { useRouter } from '../app/router-context.ts';
import { useSession } from '../app/session-context.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { describeError } from '../lib/describe-error.ts';
import { loginErrorKey } from '../lib/login-error.ts';
import { safeNext } from '../lib/router.ts';

/** Sign-in form with clear errors (wrong credentials, locked account with its wait, server down). */
export function LoginPage() {
  const { t } = useI18n();
  const { login, expired } = useSession();
  const { location, navigate } = useRouter();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const userRef = useRef<HTMLInputElement>(null);
  useEffect(() => userRef.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await login(username.trim(), password);
      navigate(safeNext(new URLSearchParams(location.search).get('next'), user.role), { replace: true });
    } catch (err) {
      const k = err instanceof ApiError ? loginErrorKey(err.status, err.code, err.details) : null;
      setError(k ? t(k.key, k.params) : describeError(err, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          <div>
            <h1>Vigie</h1>
            <p>{t('app.tagline')}</p>
          </div>
        </div>
        {expired ? <output className="notice">{t('login.expired')}</output> : null}
        <form onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
          <label htmlFor="username">{t('login.username')}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            ref={userRef}
          />
          <label htmlFor="password">{t('login.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error ? (
            <p id="login-error" className="form-error" role="alert" data-testid="login-error">
              {error}
            </p>
          ) : null}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
        <p className="login-foot">{t('login.notice')}</p>
        <LanguageSwitch />
      </div>
    </div>
  );
}
