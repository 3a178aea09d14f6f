import { useMemo } from 'react';
import type { Stats } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import deps from '../../assets/departements.json' with { type: 'json' };
import { MapView } from '../../charts/MapView.tsx';
import { formatNumber } from '../../lib/format.ts';

const DEPS = deps as unknown as Record<string, { name: string; center: [number, number] }>;

/** Ads per département: a circle per département (area ∝ count) and the ranked table beside it. */
export function DepartementMap({ rows }: { rows: Stats['perDepartement'] }) {
  const { t, lang } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.ads));
  const data = useMemo(
    () => ({
      points: {
        type: 'FeatureCollection' as const,
        features: rows
          .filter((r) => r.departement && DEPS[r.departement])
          .map((r) => ({
            type: 'Feature' as const,
            properties: { radius: 3 + 22 * Math.sqrt(r.ads / max), color: '#0072b2' },
            geometry: { type: 'Point' as const, coordinates: DEPS[r.departement!]!.center },
          })),
      },
    }),
    [rows, max],
  );
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
