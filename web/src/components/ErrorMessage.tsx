import { useI18n } from '../app/i18n-context.ts';
import { describeError } from '../lib/describe-error.ts';

/** An error in words, with a retry button when the caller can retry. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="state state-error" role="alert">
      <span>{describeError(error, t)}</span>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}
