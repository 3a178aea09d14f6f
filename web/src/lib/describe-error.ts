/** Turns any thrown value into a sentence for the user: known server codes are translated. */

interface ErrorLike {
  status?: number;
  code?: string;
  message?: string;
}

export function describeError(error: unknown, t: (k: string) => string): string {
  const e = (error && typeof error === 'object' ? error : {}) as ErrorLike;
  if (typeof e.code === 'string') {
    const key = `error.${e.code}`;
    const known = t(key);
    if (known !== key) return known;
  }
  if (e.status === 0) return t('error.network');
  if (e.status === 401) return t('error.unauthenticated');
  if (e.status === 403) return t('error.forbidden');
  if (e.status === 404) return t('error.not_found');
  if (typeof e.status === 'number' && e.status >= 500) return t('error.internal_error');
  return e.message || t('error.unknown');
}
