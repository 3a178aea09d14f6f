import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { OutreachItem } from '../api/types.ts';
import { useI18n } from '../app/i18n-context.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { Empty } from '../components/Empty.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { useApi } from '../hooks/useApi.ts';
import { OutreachDetail } from './outreach/OutreachDetail.tsx';
import { OutreachQueue } from './outreach/OutreachQueue.tsx';

/** The outreach worker's round: people to contact, with a warning when the number may reach a controller. */
export function OutreachPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const queue = useApi((signal) => api.outreachQueue(page, { signal }), [page]);
  const [current, setCurrent] = useState<number | null>(null);
  return (
    <section>
      <PageHeader title={t('outreach.title')} subtitle={t('outreach.subtitle')} />
      <AsyncView state={queue} onRetry={queue.reload}>
        {(data) => {
          if (data.items.length === 0) return <Empty>{t('outreach.empty')}</Empty>;
          const item: OutreachItem | undefined = data.items.find((i) => i.id === current);
          return (
            <div className="outreach-layout">
              <div>
                <OutreachQueue items={data.items} total={data.total} current={current} onPick={setCurrent} />
                <Pagination page={page} pageSize={100} total={data.total} onPage={setPage} />
              </div>
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
