import { useMemo } from 'react';
import type { Stats } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import shapes from '../../assets/departements-shapes.json' with { type: 'json' };
import deps from '../../assets/departements.json' with { type: 'json' };
import { MapView } from '../../charts/MapView.tsx';
import { formatNumber } from '../../lib/format.ts';

const DEPS = deps as unknown as Record<string, { name: string; center: [number, number] }>;
const SHAPES = shapes as unknown as GeoJSON.FeatureCollection<
  GeoJSON.MultiPolygon,
  { code: string; name: string }
>;

/** Ads per département: a choropleth on bundled (approximate) outlines, and the ranked list beside it. */
export function DepartementMap({ rows }: { rows: Stats['perDepartement'] }) {
  const { t, lang } = useI18n();
  const data = useMemo(() => {
    const counts = new Map(rows.map((r) => [r.departement, r.ads]));
    const max = Math.max(1, ...rows.map((r) => r.ads));
    return {
      points: { type: 'FeatureCollection' as const, features: [] },
      regions: {
        ...SHAPES,
        features: SHAPES.features.map((f) => ({
          ...f,
          properties: { ...f.properties, share: Math.sqrt((counts.get(f.properties.code) ?? 0) / max) },
        })),
      },
    };
  }, [rows]);
  const top = [...rows].sort((a, b) => b.ads - a.ads).slice(0, 12);
  return (
    <div className="map-block">
      <MapView data={data} label={t('stats.perDepartement')} />
      <ol className="stops">
        {top.map((r) => (
          <li key={r.departement ?? '?'}>
            <strong>{r.departement ?? '?'}</strong>{' '}
            {r.departement ? (DEPS[r.departement]?.name ?? '') : t('stats.unknownPlace')}{' '}
            <span className="muted">{formatNumber(r.ads, lang)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
