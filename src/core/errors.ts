/** Stable error codes. Core never knows HTTP statuses: the server maps codes to statuses in one place. */
export type ErrorCode =
  | 'invalid_record'
  | 'invalid_input'
  | 'ad_not_found'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'storage_error'
  | 'internal_error';

/** The one error type core throws: a stable `code`, a message for humans, an optional cause. */
export class VigieError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VigieError';
    this.code = code;
    this.details = options?.details;
  }
}

/** True when `e` is a VigieError, optionally of the given code. */
export function isVigieError(e: unknown, code?: ErrorCode): e is VigieError {
  return e instanceof VigieError && (code === undefined || e.code === code);
}
