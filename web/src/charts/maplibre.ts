/**
 * maplibre-gl with its worker served from our own origin (the CSP forbids blob: workers and any CDN).
 */
import { Map as MlMap, Marker, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);

export { MlMap, Marker };
