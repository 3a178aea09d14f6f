import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { describeError } from '../../lib/describe-error.ts';

const STATUSES = ['open', 'in_progress', 'closed'] as const;

/** Changes a case's status (audited by the server). */
export function CaseStatusSelect({
  caseId,
  status,
  onChanged,
}: { caseId: number; status: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <label className="inline-label">
      {t('cases.status')}
      <select
        value={status}
        onChange={async (e) => {
          try {
            await api.setCaseStatus(caseId, e.target.value);
            onChanged();
          } catch (err) {
            setError(describeError(err, t));
          }
        }}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`caseStatus.${s}`)}
          </option>
        ))}
      </select>
      {error ? <span className="form-error">{error}</span> : null}
    </label>
  );
}
