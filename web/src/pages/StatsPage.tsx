import { useMemo, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Stats } from '../api/types.ts';
import { useI18n } from '../app/i18n-context.ts';
import { EChart } from '../charts/EChart.tsx';
import { AsyncView } from '../components/AsyncView.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../hooks/useApi.ts';
import { saveBlob } from '../lib/download.ts';
import { formatNumber, formatPercent } from '../lib/format.ts';
import { minorShare, statsToCsv } from '../lib/stats-csv.ts';
import { DepartementMap } from './stats/DepartementMap.tsx';

function useCharts(s: Stats | undefined, t: (k: string) => string) {
  return useMemo(() => {
    if (!s) return null;
    const bar = (labels: string[], values: number[], color: string) => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 12, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: values, itemStyle: { color } }],
    });
    return {
      weeks: {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 48, right: 12, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: s.perWeek.map((w) => w.week) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: t('stats.ads'),
            type: 'bar',
            data: s.perWeek.map((w) => w.ads),
            itemStyle: { color: '#0072b2' },
          },
          {
            name: t('stats.withMinor'),
            type: 'bar',
            data: s.perWeek.map((w) => w.minor ?? 0),
            itemStyle: { color: '#d55e00' },
          },
        ],
      },
      sources: bar(
        s.perSource.map((x) => x.source),
        s.perSource.map((x) => x.ads),
        '#009e73',
      ),
      sizes: bar(
        s.networkSizes.map((x) => String(x.size)),
        s.networkSizes.map((x) => x.networks),
        '#cc79a7',
      ),
    };
  }, [s, t]);
}

/** Aggregates only (no personal data): ads per week, département, source; minor share; network sizes. */
export function StatsPage() {
  const { t, lang } = useI18n();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const stats = useApi((signal) => api.stats(range, { signal }), [range.from, range.to]);
  const charts = useCharts(stats.data, t);
  return (
    <section>
      <PageHeader
        title={t('stats.title')}
        subtitle={t('stats.subtitle')}
        actions={
          <button
            type="button"
            className="btn"
            disabled={!stats.data}
            onClick={() =>
              stats.data &&
              saveBlob(
                new Blob([statsToCsv(stats.data)], { type: 'text/csv;charset=utf-8' }),
                'vigie-statistics.csv',
              )
            }
          >
            {t('stats.csv')}
          </button>
        }
      />
      <form className="filters inline-form">
        <label>
          {t('filters.from')}
          <input
            type="date"
            value={range.from ?? ''}
            onChange={(e) => setRange({ ...range, from: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('filters.to')}
          <input
            type="date"
            value={range.to ?? ''}
            onChange={(e) => setRange({ ...range, to: e.target.value || undefined })}
          />
        </label>
      </form>
      <AsyncView state={stats} onRetry={stats.reload}>
        {(s) => (
          <>
            <div className="figures panel">
              <div className="figure">
                <dt>{t('stats.totalAds')}</dt>
                <dd>{formatNumber(s.minorShare.ads, lang)}</dd>
              </div>
              <div className="figure">
                <dt>{t('stats.minorShare')}</dt>
                <dd>{formatPercent(minorShare(s.minorShare), lang)}</dd>
              </div>
              <div className="figure">
                <dt>{t('stats.networks')}</dt>
                <dd>
                  {formatNumber(
                    s.networkSizes.reduce((n, x) => n + x.networks, 0),
                    lang,
                  )}
                </dd>
              </div>
            </div>
            {charts ? (
              <>
                <section className="panel">
                  <h2>{t('stats.perWeek')}</h2>
                  <EChart option={charts.weeks} label={t('stats.perWeek')} />
                </section>
                <div className="grid-2">
                  <section className="panel">
                    <h2>{t('stats.perDepartement')}</h2>
                    <DepartementMap rows={s.perDepartement} />
                  </section>
                  <div className="stack">
                    <section className="panel">
                      <h2>{t('stats.perSource')}</h2>
                      <EChart option={charts.sources} label={t('stats.perSource')} height={220} />
                    </section>
                    <section className="panel">
                      <h2>{t('stats.networkSizes')}</h2>
                      <EChart option={charts.sizes} label={t('stats.networkSizes')} height={220} />
                    </section>
                  </div>
                </div>
              </>
            ) : null}
          </>
        )}
      </AsyncView>
    </section>
  );
}
