import { useI18n } from '../app/i18n-context.ts';
import { useSession, useUser } from '../app/session-context.ts';
import { Icon } from './Icon.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Top bar: who is signed in, with which role; language; sign out. */
export function Header() {
  const { t } = useI18n();
  const user = useUser();
  const { logout } = useSession();
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <div className="topbar-spacer" />
      <LanguageSwitch />
      <div className="user-chip" data-testid="current-user">
        <span className="user-name">{user.displayName ?? user.username}</span>
        <span className={`role-badge role-${user.role}`}>{t(`role.${user.role}`)}</span>
      </div>
      <button type="button" className="btn btn-ghost" onClick={() => void logout()}>
        <Icon name="logout" size={16} />
        <span>{t('auth.logout')}</span>
      </button>
    </header>
  );
}
