import { useI18n } from '../../app/i18n-context.ts';

/** Actions on the selected rows: mark reviewed, add to case, clear. */
export function BulkBar({
  count,
  busy,
  onReviewed,
  onAddToCase,
  onClear,
}: {
  count: number;
  busy: boolean;
  onReviewed: () => void;
  onAddToCase: () => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className={count > 0 ? 'bulk-bar' : 'bulk-bar idle'} data-testid="bulk-bar">
      <span>{count > 0 ? t('triage.selected', { count }) : t('triage.keysHint')}</span>
      {count > 0 ? (
        <>
          <button type="button" className="btn btn-small" onClick={onReviewed} disabled={busy}>
            {t('action.markReviewed')}
          </button>
          <button type="button" className="btn btn-small" onClick={onAddToCase} disabled={busy}>
            {t('action.addToCase')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={onClear}>
            {t('triage.clearSelection')}
          </button>
        </>
      ) : null}
    </div>
  );
}
