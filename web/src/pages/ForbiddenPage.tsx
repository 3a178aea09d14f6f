import { useI18n } from '../app/i18n-context.ts';
import { useUser } from '../app/session-context.ts';
import { Link } from '../components/Link.tsx';
import { homeFor } from '../lib/router.ts';

/** Shown when a role opens a screen it may not use (the server refuses the data too). */
export function ForbiddenPage() {
  const { t } = useI18n();
  const user = useUser();
  return (
    <section className="panel narrow" data-testid="forbidden">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body', { role: t(`role.${user.role}`) })}</p>
      <Link href={homeFor(user.role)} className="btn">
        {t('forbidden.home')}
      </Link>
    </section>
  );
}
