import type { Context } from 'hono';
import type { z } from 'zod/v4';
import type { Role } from '../store/schema-server.ts';
import type { AppDeps } from './deps.ts';

/** Who is calling: a signed-in user (session cookie) or an API key (scoring only). */
export type Principal =
  | { kind: 'user'; id: number; username: string; role: Role; sessionId: string; csrf: string }
  | { kind: 'apikey'; id: number; name: string };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/**
 * Who may call a route: a list of roles, `apikey` (scoring), or `public` (login, health, the OpenAPI
 * document). There is no "any signed-in user" shortcut on purpose: each route names its roles.
 */
export type Access = readonly Role[] | 'apikey' | 'public';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler receives: validated params, query and body, the caller, and an audit helper. */
export interface RouteCtx<P, Q, B> {
  c: Context;
  deps: AppDeps;
  principal: Principal | null;
  params: P;
  query: Q;
  body: B;
  ip: string | null;
  now(): Date;
  /** The signed-in user; throws `unauthenticated` for API keys and anonymous callers. */
  user(): UserPrincipal;
  /** Appends an audit entry attributed to the caller. */
  audit(
    action: string,
    targetType?: string | null,
    targetId?: string | number | null,
    details?: Record<string, unknown>,
  ): Promise<void>;
}

export interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** Hono-style path below /api/v1, e.g. `/ads/:id`. */
  path: string;
  tag: string;
  summary: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Content type of a success response (JSON unless told). */
  produces?:
    | 'application/json'
    | 'application/zip'
    | 'text/csv'
    | 'image/png'
    | 'application/octet-stream'
    | 'application/x-ndjson';
  status?: 200 | 201;
  handler(ctx: RouteCtx<z.output<P>, z.output<Q>, z.output<B>>): Promise<unknown>;
}

/** A route with its types erased, for the registry. */
export type AnyRoute = RouteDef<z.ZodType, z.ZodType, z.ZodType>;

/** Declares a route; the registry of all routes drives both the hono app and the OpenAPI document. */
export function route<
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<undefined>,
>(def: RouteDef<P, Q, B>): AnyRoute {
  return def as unknown as AnyRoute;
}
