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
  const [current, setCurrent] = useState<OutreachItem | null>(null);
  return (
    <section>
      <PageHeader title={t('outreach.title')} subtitle={t('outreach.subtitle')} />
      <AsyncView state={queue} onRetry={queue.reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('outreach.empty')}</Empty>
          ) : (
            <div className="outreach-layout">
              <OutreachQueue items={page.items} current={current} onPick={setCurrent} />
              {current ? (
                <OutreachDetail key={current.adId} item={current} onLogged={queue.reload} />
              ) : (
                <div className="panel muted">{t('outreach.pick')}</div>
              )}
            </div>
          )
        }
      </AsyncView>
    </section>
  );
}
