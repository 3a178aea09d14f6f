import type { AdVersion } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { formatDateTime } from '../../lib/format.ts';

/** Every capture of the ad with its SHA-256 (full, selectable: it is what a court checks). */
export function VersionTable({ versions, deletedAt }: { versions: AdVersion[]; deletedAt?: string | null }) {
  const { t, lang } = useI18n();
  if (versions.length === 0) return <p className="muted">{t('ad.noVersions')}</p>;
  return (
    <table className="table compact" data-testid="versions">
      <thead>
        <tr>
          <th>{t('ad.version')}</th>
          <th>{t('ad.capturedAt')}</th>
          <th>{t('ad.captureKind')}</th>
          <th>SHA-256</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={`${v.version}-${v.capture.id}`}>
            <td>{v.version}</td>
            <td className="nowrap">{formatDateTime(v.capture.receivedAt ?? v.createdAt, lang)}</td>
            <td>{v.capture.kind ? t(`captureKind.${v.capture.kind}`) : '—'}</td>
            <td>
              <code className="hash" title={t('ad.captureHash')}>
                {v.capture.sha256}
              </code>
              <div className="muted small">
                {t('ad.contentHash')}: <code className="hash">{v.contentSha256}</code>
              </div>
            </td>
          </tr>
        ))}
        {deletedAt ? (
          <tr className="deleted">
            <td>—</td>
            <td className="nowrap">{formatDateTime(deletedAt, lang)}</td>
            <td>{t('versionKind.deleted')}</td>
            <td />
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
