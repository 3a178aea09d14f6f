import type { GeoJSONSource } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { FRANCE_BOUNDS, franceStyle } from './france-map.ts';
import { MlMap } from './maplibre.ts';

export interface MapLayerData {
  points: GeoJSON.FeatureCollection;
  path?: GeoJSON.Feature | null;
  /** Areas (départements) with a `share` property in [0, 1] for the fill intensity. */
  regions?: GeoJSON.FeatureCollection | null;
}

/**
 * France with circles (size from `value`, colour from `color`) and an optional path (movement).
 * Canvas-only, no labels from a glyph server: names appear in the list beside the map.
 */
export function MapView({
  data,
  label,
  height = 360,
}: { data: MapLayerData; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const map = useRef<MlMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!ref.current) return;
    let m: MlMap;
    try {
      m = new MlMap({
        container: ref.current,
        style: franceStyle(),
        bounds: FRANCE_BOUNDS,
        fitBoundsOptions: { padding: 10 },
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        renderWorldCopies: false,
      });
    } catch {
      setFailed(true);
      return;
    }
    map.current = m;
    m.on('load', () => {
      m.addSource('regions', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addLayer({
        id: 'regions-fill',
        type: 'fill',
        source: 'regions',
        paint: {
          'fill-color': [
            'interpolate',
            ['linear'],
            ['coalesce', ['get', 'share'], 0],
            0,
            '#f1f5f9',
            0.01,
            '#dbeafe',
            1,
            '#1e3a8a',
          ],
          'fill-opacity': 0.9,
        },
      });
      m.addLayer({
        id: 'regions-line',
        type: 'line',
        source: 'regions',
        paint: { 'line-color': '#ffffff', 'line-width': 0.6 },
      });
      m.addSource('path', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addSource('points', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addLayer({
        id: 'path',
        type: 'line',
        source: 'path',
        paint: { 'line-color': '#334155', 'line-width': 2, 'line-dasharray': [2, 1.5] },
      });
      m.addLayer({
        id: 'points',
        type: 'circle',
        source: 'points',
        paint: {
          'circle-color': ['coalesce', ['get', 'color'], '#0072b2'],
          'circle-opacity': 0.75,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
          'circle-radius': ['coalesce', ['get', 'radius'], 6],
        },
      });
      setReady(true);
    });
    const ro = new ResizeObserver(() => m.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      m.remove();
      map.current = null;
    };
  }, []);
  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    (m.getSource('points') as GeoJSONSource).setData(data.points);
    (m.getSource('regions') as GeoJSONSource).setData(
      data.regions ?? { type: 'FeatureCollection', features: [] },
    );
    (m.getSource('path') as GeoJSONSource).setData(
      data.path
        ? { type: 'FeatureCollection', features: [data.path] }
        : { type: 'FeatureCollection', features: [] },
    );
  }, [data, ready]);
  if (failed) return <p className="muted">{label}</p>;
  return <div ref={ref} className="map" style={{ height }} role="img" aria-label={label} data-testid="map" />;
}
