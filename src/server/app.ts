import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isSecure } from './auth/sessions.ts';
import { type AppDeps, type AppOptions, resolveDeps } from './deps.ts';
import { ApiError, errorHandler } from './errors.ts';
import { API_PREFIX, mountRoutes } from './mount.ts';
import { buildOpenApi } from './openapi.ts';
import { type AnyRoute, route } from './registry.ts';
import { allRoutes } from './routes/index.ts';
import { securityHeaders } from './security-headers.ts';
import { serveWeb } from './static.ts';

/** The full route registry, the OpenAPI document included. */
export function registry(): AnyRoute[] {
  const routes = allRoutes();
  let doc: unknown;
  routes.push(
    route({
      method: 'get',
      path: '/openapi.json',
      tag: 'meta',
      summary: 'This OpenAPI 3 document',
      access: 'public',
      handler: async () => {
        doc ??= buildOpenApi(routes);
        return doc;
      },
    }),
  );
  return routes;
}

/** The Vigie HTTP app: a fetch handler (`app.fetch`, `app.request` in tests). */
export function createApp(options: AppOptions): Hono & { deps: AppDeps } {
  const deps = resolveDeps(options);
  const app = new Hono();
  app.use(
    '*',
    securityHeaders((c) => isSecure(c, deps)),
  );
  app.use(
    `${API_PREFIX}/*`,
    bodyLimit({
      maxSize: 2 * 1024 * 1024,
      onError: () => {
        throw new ApiError('payload_too_large', 'the request body is larger than 2 MiB');
      },
    }),
  );
  mountRoutes(app, registry(), deps);
  app.all(`${API_PREFIX}/*`, () => {
    throw new ApiError('not_found', 'no such API route');
  });
  if (deps.config.webDist) serveWeb(app, deps.config.webDist);
  app.onError(errorHandler(deps.log));
  app.notFound((c) => c.json({ error: 'not_found', message: 'not found' }, 404));
  return Object.assign(app, { deps });
}
