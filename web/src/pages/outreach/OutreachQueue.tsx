import type { OutreachItem } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { formatDateTime, formatNumber, formatPhone } from '../../lib/format.ts';

/** The queue as a list of buttons (keyboard: Tab / Enter); items with a controller warning are flagged. */
export function OutreachQueue({
  items,
  total,
  current,
  onPick,
}: {
  items: OutreachItem[];
  total: number;
  current: number | null;
  onPick: (id: number) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <div>
      <p className="muted small">{t('outreach.count', { total: formatNumber(total, lang) })}</p>
      <ul className="queue" aria-label={t('outreach.queue')} data-testid="outreach-queue">
        {items.map((i) => (
          <li key={i.id}>
            <button
              type="button"
              className={current === i.id ? 'queue-item active' : 'queue-item'}
              aria-pressed={current === i.id}
              onClick={() => onPick(i.id)}
            >
              <span className="queue-title">{i.title || `#${i.id}`}</span>
              <span className="muted small">
                {i.city ?? '—'} · {i.phones[0] ? formatPhone(i.phones[0]) : t('outreach.noPhone')} ·{' '}
                {formatDateTime(i.lastSeen ?? i.firstSeen, lang)}
              </span>
              <span className="queue-tags">
                {i.warning?.mayReachController ? (
                  <span className="tag tag-warn">{t('outreach.warnShort')}</span>
                ) : null}
                {i.possibleMinor ? (
                  <span className="tag tag-danger">{t('outreach.possibleMinor')}</span>
                ) : null}
                {i.contacts && i.contacts.attempts > 0 ? (
                  <span className="tag">
                    {t('outreach.lastContact', { outcome: t(`outcome.${i.contacts.lastOutcome ?? 'sent'}`) })}
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
