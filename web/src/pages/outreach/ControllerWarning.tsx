import { useI18n } from '../../app/i18n-context.ts';

/**
 * "May reach a controller": the phone is shared by several personas or the text speaks for someone else.
 * A message could then reach the person controlling her, not her: the worker must acknowledge it.
 */
export function ControllerWarning({
  reasons,
  acknowledged,
  onAcknowledge,
}: {
  reasons: { code: string; detail: string }[];
  acknowledged: boolean;
  onAcknowledge: (v: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="warning" role="alert" data-testid="controller-warning">
      <strong>{t('outreach.warnTitle')}</strong>
      <p>{t('outreach.warnBody')}</p>
      {reasons.length > 0 ? (
        <ul>
          {reasons.map((r) => (
            <li key={r.code}>
              <strong>{t(`warning.${r.code}`)}</strong>
              {r.detail ? <span> — {r.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <label className="toggle">
        <input
          type="checkbox"
          checked={acknowledged}
          onChange={(e) => onAcknowledge(e.target.checked)}
          data-testid="ack-warning"
        />
        {t('outreach.warnAck')}
      </label>
    </div>
  );
}
