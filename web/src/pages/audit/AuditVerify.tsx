import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { describeError } from '../../lib/describe-error.ts';

/** Recomputes the hash chain on the server and says whether it is intact. */
export function AuditVerify() {
  const { t } = useI18n();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const v = await api.verifyAudit();
      setResult(
        v.ok
          ? { ok: true, text: t('audit.chainOk', { count: v.entries }) }
          : { ok: false, text: t('audit.chainBroken', { detail: JSON.stringify(v.firstBroken ?? v) }) },
      );
    } catch (e) {
      setResult({ ok: false, text: describeError(e, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="verify">
      <button type="button" className="btn" onClick={() => void run()} disabled={busy}>
        {t('audit.verify')}
      </button>
      {result ? (
        <output className={result.ok ? 'notice inline' : 'form-error inline'} data-testid="audit-verify">
          {result.text}
        </output>
      ) : null}
    </span>
  );
}
