import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { ZodError } from 'zod/v4';
import { type ErrorCode, isVigieError } from '../core/errors.ts';

/** Error codes the API may answer with: core's codes plus a few that only make sense over HTTP. */
export type ApiErrorCode =
  | ErrorCode
  | 'invalid_credentials'
  | 'account_locked'
  | 'csrf_failed'
  | 'payload_too_large'
  | 'not_stored'
  | 'unsupported_media_type'
  | 'service_unavailable';

/** An error raised by the server layer with a stable code; the one handler below turns it into a response. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ApiErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

/** The single mapping from error codes to HTTP statuses. */
export const STATUS: Record<ApiErrorCode, ContentfulStatusCode> = {
  invalid_record: 400,
  invalid_input: 400,
  ad_not_found: 404,
  not_found: 404,
  not_stored: 404,
  conflict: 409,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  account_locked: 423,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  storage_error: 503,
  service_unavailable: 503,
  internal_error: 500,
};

/** Body of every error response. */
export interface ErrorBody {
  error: ApiErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Builds the hono error handler: known errors keep their code and message; anything else is logged only. */
export function errorHandler(log: Logger) {
  return (err: Error, c: Context) => {
    const body = toErrorBody(err);
    if (body.error === 'internal_error' || body.error === 'storage_error') {
      log.error({ err, path: c.req.path, method: c.req.method }, 'request failed');
    }
    return c.json(body, STATUS[body.error]);
  };
}

export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof ApiError) return { error: err.code, message: err.message, details: err.details };
  if (err instanceof ZodError) {
    const issues = err.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    return {
      error: 'invalid_input',
      message: first ? `${first.path || 'input'}: ${first.message}` : 'invalid input',
      details: { issues },
    };
  }
  if (isVigieError(err)) {
    if (err.code === 'storage_error' || err.code === 'internal_error') {
      return { error: err.code, message: 'the server could not complete the request' };
    }
    return { error: err.code, message: err.message };
  }
  return { error: 'internal_error', message: 'internal error' };
}

export const notFound = (what: string) => new ApiError('not_found', `${what} not found`);
