import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { describeError } from '../../lib/describe-error.ts';
import { saveResponse } from '../../lib/download.ts';

/** Evidence package (ZIP: HTML report, raw captures, SHA-256 manifest) and Pharos-style report — audited. */
export function EvidenceExport({ caseId }: { caseId: number }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy: boolean; message: string | null; ok?: boolean }>({
    busy: false,
    message: null,
  });
  const run = async (fetcher: () => Promise<Response>, fallback: string) => {
    setState({ busy: true, message: null });
    try {
      const res = await fetcher();
      const name = await saveResponse(res, fallback);
      const manifest = res.headers.get('x-manifest-sha256');
      setState({
        busy: false,
        ok: true,
        message: manifest
          ? t('cases.exportedManifest', { name, sha: manifest })
          : t('cases.exported', { name }),
      });
    } catch (e) {
      setState({ busy: false, message: describeError(e, t) });
    }
  };
  return (
    <div className="export">
      <div className="action-bar">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void run(() => api.exportCase(caseId), `vigie-case-${caseId}.zip`)}
          disabled={state.busy}
          data-testid="export-evidence"
        >
          {state.busy ? t('cases.exporting') : t('cases.export')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void run(() => api.pharosReport(caseId), `vigie-case-${caseId}-pharos.txt`)}
          disabled={state.busy}
        >
          {t('cases.pharos')}
        </button>
      </div>
      <p className="muted small">{t('cases.exportHelp')}</p>
      {state.message ? (
        <output className={state.ok ? 'notice' : 'form-error'} data-testid="export-status">
          {state.message}
        </output>
      ) : null}
    </div>
  );
}
