import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import type { AdDetail } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { AddToCaseDialog } from '../../components/AddToCaseDialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { describeError } from '../../lib/describe-error.ts';
import { watchTarget } from '../../lib/watch-target.ts';

/** Watch the ad's phone (or the ad), add it to a case, mark it reviewed. */
export function AdActions({ ad, onChanged }: { ad: AdDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const target = watchTarget(ad);
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      setNotice(ok);
      onChanged();
    } catch (e) {
      setNotice(describeError(e, t));
    }
  };
  return (
    <div className="action-bar">
      <button
        type="button"
        className="btn"
        disabled={!target}
        title={target ? `${t(`watchKind.${target.kind}`)} ${target.value}` : t('ad.nothingToWatch')}
        onClick={() => {
          if (target)
            void run(() => api.addWatch(target.kind, target.value, ad.title ?? undefined), t('ad.watching'));
        }}
      >
        {target ? t(`action.watch.${target.kind}`) : t('action.watch')}
      </button>
      <button type="button" className="btn" onClick={() => setDialog(true)}>
        {t('action.addToCase')}
      </button>
      <button
        type="button"
        className="btn btn-primary"
        disabled={ad.reviewed}
        onClick={() => void run(() => api.markReviewed([ad.id]), t('triage.markedReviewed', { count: 1 }))}
      >
        {ad.reviewed ? t('ad.reviewedTag') : t('action.markReviewed')}
      </button>
      <Notice message={notice} onClear={() => setNotice(null)} />
      {dialog ? (
        <AddToCaseDialog
          items={[{ kind: 'ad', ref: String(ad.id) }]}
          onClose={() => setDialog(false)}
          onDone={(_, title) => {
            setDialog(false);
            setNotice(t('cases.added', { count: 1, title }));
          }}
        />
      ) : null}
    </div>
  );
}
