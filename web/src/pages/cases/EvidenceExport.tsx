import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { describeError } from '../../lib/describe-error.ts';
import { saveResponse } from '../../lib/download.ts';

/** Downloads the evidence package (ZIP: HTML report, raw captures, manifest of SHA-256) — an audited act. */
export function EvidenceExport({ caseId }: { caseId: number }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy: boolean; message: string | null; ok?: boolean }>({
    busy: false,
    message: null,
  });
  const run = async () => {
    setState({ busy: true, message: null });
    try {
      const name = await saveResponse(await api.exportCase(caseId), `vigie-case-${caseId}.zip`);
      setState({ busy: false, message: t('cases.exported', { name }), ok: true });
    } catch (e) {
      setState({ busy: false, message: describeError(e, t) });
    }
  };
  return (
    <div className="export">
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void run()}
        disabled={state.busy}
        data-testid="export-evidence"
      >
        {state.busy ? t('cases.exporting') : t('cases.export')}
      </button>
      <p className="muted small">{t('cases.exportHelp')}</p>
      {state.message ? (
        <output className={state.ok ? 'notice' : 'form-error'} data-testid="export-status">
          {state.message}
        </output>
      ) : null}
    </div>
  );
}
