import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { OutreachItem } from '../api/types.ts';
import { useI18n } from '../app/i18n-context.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { Empty } from '../components/Empty.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../hooks/useApi.ts';
import { OutreachDetail } from './outreach/OutreachDetail.tsx';
import { OutreachQueue } from './outreach/OutreachQueue.tsx';

/** The outreach worker's round: people to contact, with a warning when the number may reach a controller. */
export function OutreachPage() {
  const { t } = useI18n();
  const queue = useApi((signal) => api.outreachQueue({ signal }), []);
  const [current, setCurrent] = useState<number | null>(null);
  return (
    <section>
      <PageHeader title={t('outreach.title')} subtitle={t('outreach.subtitle')} />
      <AsyncView state={queue} onRetry={queue.reload}>
        {(page) => {
          if (page.items.length === 0) return <Empty>{t('outreach.empty')}</Empty>;
          const item: OutreachItem | undefined = page.items.find((i) => i.id === current);
          return (
            <div className="outreach-layout">
              <OutreachQueue items={page.items} total={page.total} current={current} onPick={setCurrent} />
              {item ? (
                <OutreachDetail key={item.id} item={item} onLogged={queue.reload} />
              ) : (
                <div className="panel muted">{t('outreach.pick')}</div>
              )}
            </div>
          );
        }}
      </AsyncView>
    </section>
  );
}
