import type { ContactLog } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { formatDateTime } from '../../lib/format.ts';

/** Previous attempts for this person (newest first). */
export function ContactHistory({ entries }: { entries: ContactLog[] }) {
  const { t, lang } = useI18n();
  if (entries.length === 0) return <p className="muted">{t('outreach.noHistory')}</p>;
  return (
    <ul className="history" data-testid="contact-history">
      {entries.map((e) => (
        <li key={e.id}>
          <span className="nowrap">{formatDateTime(e.createdAt, lang)}</span> · {e.by ?? '—'} ·{' '}
          {e.channel ? t(`channel.${e.channel}`) : ''} · <strong>{t(`outcome.${e.outcome}`)}</strong>
          {e.note ? <span className="muted"> — {e.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
