import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context.ts';
import { EChart } from '../../charts/EChart.tsx';
import { colorFor } from '../../lib/colors.ts';
import { type DayCity, stackByCity } from '../../lib/timeline.ts';

/** Ads per day, one colour per city (the same colours as the map). */
export function NetworkTimeline({ rows }: { rows: DayCity[] }) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const s = stackByCity(rows, 8, t('network.otherCities'));
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 36, right: 12, top: 12, bottom: 56 },
      xAxis: { type: 'category', data: s.days },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: s.days.length > 60 ? [{ type: 'inside' }, { type: 'slider', bottom: 24, height: 14 }] : [],
      series: s.series.map((x) => ({
        name: x.city,
        type: 'bar',
        stack: 'ads',
        data: x.data,
        itemStyle: { color: colorFor(x.city) },
      })),
    };
  }, [rows, t]);
  if (rows.length === 0) return <p className="muted">{t('network.noTimeline')}</p>;
  return <EChart option={option} label={t('network.timeline')} height={260} />;
}
