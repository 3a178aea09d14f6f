import { useI18n } from '../app/i18n-context.ts';
import { useUser } from '../app/session-context.ts';
import { Link } from '../components/Link.tsx';
import { homeFor } from '../lib/router.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  const user = useUser();
  return (
    <section className="panel narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link href={homeFor(user.role)} className="btn">
        {t('forbidden.home')}
      </Link>
    </section>
  );
}
