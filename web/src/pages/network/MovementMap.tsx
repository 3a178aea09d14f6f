import { useMemo } from 'react';
import type { NetworkStop } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import shapes from '../../assets/departements-shapes.json' with { type: 'json' };
import { MapView } from '../../charts/MapView.tsx';
import { colorFor } from '../../lib/colors.ts';
import { formatDate } from '../../lib/format.ts';

/** Stops on the map of France joined in time order, with the ordered list of stops beside it. */
export function MovementMap({ stops, distanceKm }: { stops: NetworkStop[]; distanceKm?: number }) {
  const { t, lang } = useI18n();
  const located = stops.filter((s) => typeof s.lat === 'number' && typeof s.lon === 'number');
  const data = useMemo(
    () => ({
      // Département borders as a quiet background (share 0 = lightest fill).
      regions: shapes as unknown as GeoJSON.FeatureCollection,
      points: {
        type: 'FeatureCollection' as const,
        features: located.map((s) => ({
          type: 'Feature' as const,
          properties: { color: colorFor(s.city), radius: 5 + Math.min(12, Math.sqrt(s.sightings) * 2) },
          geometry: { type: 'Point' as const, coordinates: [s.lon!, s.lat!] },
        })),
      },
      path:
        located.length > 1
          ? {
              type: 'Feature' as const,
              properties: {},
              geometry: { type: 'LineString' as const, coordinates: located.map((s) => [s.lon!, s.lat!]) },
            }
          : null,
    }),
    [located],
  );
  if (stops.length === 0) return <p className="muted">{t('network.noMovement')}</p>;
  return (
    <div className="map-block">
      <MapView data={data} label={t('network.mapLabel')} />
      <ol className="stops">
        {stops.map((s, i) => (
          <li key={`${s.city}-${i}`}>
            <span className="swatch" style={{ background: colorFor(s.city) }} />
            <strong>{s.city}</strong>{' '}
            <span className="muted">
              {formatDate(s.first, lang)} → {formatDate(s.last, lang)} ·{' '}
              {t('network.sightings', { count: s.sightings })}
            </span>
          </li>
        ))}
      </ol>
      {distanceKm ? (
        <p className="muted small">{t('network.distance', { km: Math.round(distanceKm) })}</p>
      ) : null}
    </div>
  );
}
