import { useMemo, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { NetworkDetail } from '../api/types.ts';
import { useI18n } from '../app/i18n-context.ts';
import { AddToCaseDialog } from '../components/AddToCaseDialog.tsx';
import { AsyncView } from '../components/AsyncView.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../hooks/useApi.ts';
import { fromServerGraph } from '../lib/graph-view.ts';
import { timelineFromAds } from '../lib/timeline.ts';
import { MemberList } from './network/MemberList.tsx';
import { MovementMap } from './network/MovementMap.tsx';
import { NetworkGraph } from './network/NetworkGraph.tsx';
import { NetworkSummaryPanel } from './network/NetworkSummaryPanel.tsx';
import { NetworkTimeline } from './network/NetworkTimeline.tsx';
import { TemplateView } from './network/TemplateView.tsx';
import { WhyLinked } from './network/WhyLinked.tsx';

function NetworkBody({ network }: { network: NetworkDetail }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const graphAds = useMemo(() => (network.graph ? fromServerGraph(network.graph) : []), [network.graph]);
  const timeline = useMemo(
    () => network.timeline ?? timelineFromAds(network.members, t('network.unknownCity')),
    [network, t],
  );
  return (
    <article data-testid="network-page">
      <PageHeader
        title={t('network.title', { id: network.id })}
        subtitle={t('network.subtitle')}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setDialog(true)}>
            {t('action.addToCase')}
          </button>
        }
      />
      <Notice message={notice} onClear={() => setNotice(null)} />
      <section className="panel">
        <NetworkSummaryPanel network={network} />
      </section>
      <div className="grid-2">
        <section className="panel">
          <h2>{t('network.graph')}</h2>
          <NetworkGraph ads={graphAds} />
        </section>
        <section className="panel">
          <h2>{t('network.whyLinked')}</h2>
          <WhyLinked links={network.links ?? []} />
        </section>
      </div>
      <section className="panel">
        <h2>{t('network.timeline')}</h2>
        <NetworkTimeline rows={timeline} />
      </section>
      <div className="grid-2">
        <section className="panel">
          <h2>{t('network.movement')}</h2>
          <MovementMap stops={network.movement?.stops ?? []} distanceKm={network.movement?.distanceKm} />
        </section>
        <section className="panel">
          <h2>{t('network.template')}</h2>
          <TemplateView template={network.template} />
        </section>
      </div>
      <section className="panel">
        <h2>{t('network.members', { count: network.members.length })}</h2>
        <MemberList members={network.members} />
      </section>
      {dialog ? (
        <AddToCaseDialog
          items={[{ kind: 'network', ref: network.id }]}
          onClose={() => setDialog(false)}
          onDone={(_, title) => {
            setDialog(false);
            setNotice(t('cases.added', { count: 1, title }));
          }}
        />
      ) : null}
    </article>
  );
}

/** A network: summary, readable graph, why linked, timeline, movement map, template, members. */
export function NetworkPage({ id }: { id: string }) {
  const state = useApi((signal) => api.network(id, { signal }), [id]);
  return (
    <AsyncView state={state} onRetry={state.reload}>
      {(n) => <NetworkBody network={n} />}
    </AsyncView>
  );
}
