import type { AnyRoute } from '../registry.ts';
import { adRoutes } from './ads.ts';
import { authRoutes } from './auth.ts';
import { imageRoutes } from './images.ts';

/** Every API route, by resource. The OpenAPI document and the router are both built from this list. */
export function allRoutes(): AnyRoute[] {
  return [...authRoutes, ...adRoutes, ...imageRoutes];
}
