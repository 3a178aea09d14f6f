import type { OutreachItem } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { formatDateTime, formatPhone } from '../../lib/format.ts';

/** The queue as a list of buttons (keyboard: Tab / Enter); items with a controller warning are flagged. */
export function OutreachQueue({
  items,
  current,
  onPick,
}: {
  items: OutreachItem[];
  current: OutreachItem | null;
  onPick: (i: OutreachItem) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <ul className="queue" aria-label={t('outreach.queue')} data-testid="outreach-queue">
      {items.map((i) => (
        <li key={i.adId}>
          <button
            type="button"
            className={current?.adId === i.adId ? 'queue-item active' : 'queue-item'}
            aria-pressed={current?.adId === i.adId}
            onClick={() => onPick(i)}
          >
            <span className="queue-title">{i.title || `#${i.adId}`}</span>
            <span className="muted small">
              {i.city ?? '—'} · {i.phone ? formatPhone(i.phone) : t('outreach.noPhone')} ·{' '}
              {formatDateTime(i.capturedAt, lang)}
            </span>
            {i.mayReachController ? <span className="tag tag-warn">{t('outreach.warnShort')}</span> : null}
            {i.lastContact ? (
              <span className="tag">
                {t('outreach.lastContact', { outcome: t(`outcome.${i.lastContact.outcome}`) })}
              </span>
            ) : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
