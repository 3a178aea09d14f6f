import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useI18n } from '../app/i18n-context.ts';
import { useRouter } from '../app/router-context.ts';
import { AddToCaseDialog } from '../components/AddToCaseDialog.tsx';
import { AsyncView } from '../components/AsyncView.tsx';
import { Empty } from '../components/Empty.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useListKeyboard } from '../hooks/useListKeyboard.ts';
import { describeError } from '../lib/describe-error.ts';
import {
  type AdFilters,
  filtersToQuery,
  filtersToSavedSearch,
  parseFilters,
  updateFilters,
} from '../lib/filters.ts';
import { AdTable } from './triage/AdTable.tsx';
import { BulkBar } from './triage/BulkBar.tsx';
import { NetworkTable } from './triage/NetworkTable.tsx';
import { TriageFilters } from './triage/TriageFilters.tsx';

type View = 'ads' | 'networks';

/** The daily queue: ads or networks ranked by risk, filtered, worked with the keyboard. */
export function TriagePage() {
  const { t } = useI18n();
  const { location, navigate } = useRouter();
  const filters = useMemo(() => parseFilters(location.search), [location.search]);
  const view: View = new URLSearchParams(location.search).get('view') === 'networks' ? 'networks' : 'ads';
  const query = filtersToQuery(filters);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState(false);
  const [busy, setBusy] = useState(false);

  const go = useCallback(
    (f: AdFilters, v: View = view) => {
      const q = filtersToQuery(f);
      const parts = [v === 'networks' ? 'view=networks' : '', q].filter(Boolean).join('&');
      navigate(`/triage${parts ? `?${parts}` : ''}`);
    },
    [navigate, view],
  );
  const ads = useApi(
    (signal) => (view === 'ads' ? api.ads(filters, { signal }) : Promise.resolve(null)),
    [query, view],
  );
  const networks = useApi(
    (signal) => (view === 'networks' ? api.networks(filters, { signal }) : Promise.resolve(null)),
    [query, view],
  );
  const rows = view === 'ads' ? (ads.data?.items ?? []) : (networks.data?.items ?? []);
  const ids = useMemo(() => rows.map((r) => String(r.id)), [rows]);
  const open = useCallback(
    (id: string) => navigate(view === 'ads' ? `/ads/${id}` : `/networks/${encodeURIComponent(id)}`),
    [navigate, view],
  );
  const nav = useListKeyboard(ids, open);
  const selected = [...nav.selected];

  const markReviewed = async () => {
    setBusy(true);
    try {
      await api.markReviewed(selected.map(Number));
      setNotice(t('triage.markedReviewed', { count: selected.length }));
      nav.dispatch({ type: 'clear' });
      ads.reload();
    } catch (e) {
      setNotice(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const state = view === 'ads' ? ads : networks;
  const saveAlert = async () => {
    try {
      await api.addWatch('search', JSON.stringify(filtersToSavedSearch(filters)), t('triage.alertLabel'));
      setNotice(t('triage.alertSaved'));
    } catch (e) {
      setNotice(describeError(e, t));
    }
  };
  const pager = (total: number) => (
    <Pagination
      page={filters.page}
      pageSize={filters.pageSize}
      total={total}
      onPage={(p) => go(updateFilters(filters, { page: p }))}
    />
  );
  return (
    <section>
      <PageHeader
        title={t('triage.title')}
        subtitle={t('triage.subtitle')}
        actions={
          <>
            <button
              type="button"
              className="btn"
              onClick={() => void saveAlert()}
              title={t('triage.alertHelp')}
            >
              {t('triage.alert')}
            </button>
            <div className="tabs" role="tablist">
              {(['ads', 'networks'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  aria-selected={view === v}
                  className={view === v ? 'tab active' : 'tab'}
                  onClick={() => go(filters, v)}
                >
                  {t(`triage.view.${v}`)}
                </button>
              ))}
            </div>
          </>
        }
      />
      <TriageFilters filters={filters} onChange={(p) => go(updateFilters(filters, p))} />
      <Notice message={notice} onClear={() => setNotice(null)} />
      {view === 'ads' ? (
        <BulkBar
          count={selected.length}
          busy={busy}
          onReviewed={() => void markReviewed()}
          onAddToCase={() => setDialog(true)}
          onClear={() => nav.dispatch({ type: 'clear' })}
        />
      ) : null}
      <div className={state.status === 'loading' ? 'table-wrap loading' : 'table-wrap'}>
        {view === 'ads' ? (
          <AsyncView state={ads} onRetry={ads.reload}>
            {(page) =>
              !page || page.items.length === 0 ? (
                <Empty>{t('triage.empty')}</Empty>
              ) : (
                <>
                  <AdTable
                    ads={page.items}
                    cursor={nav.cursor}
                    selected={nav.selected}
                    onToggle={(id) => nav.dispatch({ type: 'toggle', id })}
                    onToggleAll={() => nav.dispatch({ type: 'selectAll', ids })}
                    sort={filters.sort}
                  />
                  {pager(page.total ?? page.items.length)}
                </>
              )
            }
          </AsyncView>
        ) : (
          <AsyncView state={networks} onRetry={networks.reload}>
            {(page) =>
              !page || page.items.length === 0 ? (
                <Empty>{t('triage.emptyNetworks')}</Empty>
              ) : (
                <>
                  <NetworkTable networks={page.items} cursor={nav.cursor} />
                  {pager(page.total ?? page.items.length)}
                </>
              )
            }
          </AsyncView>
        )}
      </div>
      {dialog ? (
        <AddToCaseDialog
          items={selected.map((ref) => ({ kind: 'ad' as const, ref }))}
          onClose={() => setDialog(false)}
          onDone={(_, title) => {
            setDialog(false);
            setNotice(t('cases.added', { count: selected.length, title }));
            nav.dispatch({ type: 'clear' });
          }}
        />
      ) : null}
    </section>
  );
}
