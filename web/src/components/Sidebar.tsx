import { activeNav, navFor } from '../app/nav-items.ts';
import { useI18n } from '../app/i18n-context.ts';
import { useRouter } from '../app/router-context.ts';
import { useUser } from '../app/session-context.ts';
import { useGoShortcuts } from '../hooks/useGoShortcuts.ts';
import { Icon } from './Icon.tsx';
import { Link } from './Link.tsx';

/** Main navigation; only the screens the user's role may open are listed. */
export function Sidebar() {
  const { t } = useI18n();
  const user = useUser();
  const { location, navigate } = useRouter();
  const active = activeNav(location.route.name);
  const items = navFor(user.role);
  useGoShortcuts(items, navigate);
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          V
        </span>
        <span className="brand-name">Vigie</span>
      </div>
      <ul>
        {items.map((item) => (
          <li key={item.route}>
            <Link
              href={item.href}
              className={item.route === active ? 'nav-link active' : 'nav-link'}
              aria-current={item.route === active ? 'page' : undefined}
            >
              <Icon name={item.route} />
              <span>{t(item.labelKey)}</span>
              <kbd className="nav-key" title={t('nav.shortcut', { key: item.key })}>
                g {item.key}
              </kbd>
            </Link>
          </li>
        ))}
      </ul>
      <p className="sidebar-foot">{t('app.tagline')}</p>
    </nav>
  );
}
