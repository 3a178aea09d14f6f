import { useI18n } from '../app/i18n-context.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ApiKeysPanel } from './admin/ApiKeysPanel.tsx';
import { RetentionPanel } from './admin/RetentionPanel.tsx';
import { UsersPanel } from './admin/UsersPanel.tsx';

/** Administration: accounts and roles, API keys, retention. */
export function AdminPage() {
  const { t } = useI18n();
  return (
    <section>
      <PageHeader title={t('admin.title')} subtitle={t('admin.subtitle')} />
      <UsersPanel />
      <div className="grid-2">
        <ApiKeysPanel />
        <RetentionPanel />
      </div>
    </section>
  );
}
