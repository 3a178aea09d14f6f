import type { Context, Hono } from 'hono';
import { auditAs } from './audit.ts';
import { checkCsrf } from './auth/csrf.ts';
import { clientIp, resolvePrincipal } from './auth/sessions.ts';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import type { AnyRoute, Principal, RouteCtx } from './registry.ts';

export const API_PREFIX = '/api/v1';

/** Refuses a caller the route does not admit: 401 without credentials, 403 with the wrong ones. */
export function authorize(r: AnyRoute, p: Principal | null): void {
  if (r.access === 'public') return;
  if (p === null) throw new ApiError('unauthenticated', 'sign in first');
  if (r.access === 'apikey') {
    if (p.kind !== 'apikey') throw new ApiError('forbidden', 'this endpoint needs an API key');
    return;
  }
  if (p.kind !== 'user' || !r.access.includes(p.role)) {
    throw new ApiError('forbidden', 'your role does not allow this');
  }
}

/** Query string as an object: repeated keys become arrays. */
function queryObject(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, vs] of Object.entries(c.req.queries())) out[k] = vs.length === 1 ? vs[0] : vs;
  return out;
}

async function readBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new ApiError('unsupported_media_type', 'send a JSON body (Content-Type: application/json)');
  }
  try {
    return await c.req.json();
  } catch {
    throw new ApiError('invalid_input', 'the body is not valid JSON');
  }
}

/** Registers every route on the app behind the same gate: authenticate, authorise, CSRF, validate. */
export function mountRoutes(app: Hono, routes: AnyRoute[], deps: AppDeps): void {
  for (const r of routes) {
    app.on(r.method.toUpperCase(), `${API_PREFIX}${r.path}`, async (c) => {
      const ip = clientIp(c, deps);
      const principal =
        r.access === 'public' && r.path.startsWith('/auth/login') ? null : await resolvePrincipal(c, deps);
      try {
        authorize(r, principal);
      } catch (e) {
        if (principal)
          await auditAs(deps, principal, ip, 'access_denied', 'route', `${r.method.toUpperCase()} ${r.path}`);
        throw e;
      }
      checkCsrf(c, principal);
      const ctx: RouteCtx<unknown, unknown, unknown> = {
        c,
        deps,
        principal,
        ip,
        now: deps.now,
        params: r.params ? r.params.parse(c.req.param()) : {},
        query: r.query ? r.query.parse(queryObject(c)) : {},
        body: r.body ? r.body.parse(await readBody(c)) : undefined,
        user() {
          if (principal?.kind !== 'user') throw new ApiError('unauthenticated', 'sign in first');
          return principal;
        },
        audit: (action, targetType, targetId, details) =>
          auditAs(deps, principal, ip, action, targetType, targetId, details),
      };
      const out = await r.handler(ctx);
      if (out instanceof Response) return out;
      return c.json(out as object, r.status ?? 200);
    });
  }
}
