import type { AdSummary } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { Link } from '../../components/Link.tsx';
import { ScoreBadge } from '../../components/ScoreBadge.tsx';
import { formatDateTime, riskOf, truncate } from '../../lib/format.ts';

/** Ads and networks attached to the case, with a detach button each. */
export function CaseItems({
  ads,
  networks,
  onRemove,
}: {
  ads: AdSummary[];
  networks: { id: string; addedAt?: string }[];
  onRemove: (kind: 'ad' | 'network', ref: string) => void;
}) {
  const { t, lang } = useI18n();
  if (ads.length === 0 && networks.length === 0) return <p className="muted">{t('cases.noItems')}</p>;
  return (
    <table className="table compact" data-testid="case-items">
      <thead>
        <tr>
          <th>{t('cases.itemKind')}</th>
          <th>{t('cases.item')}</th>
          <th>{t('cases.date')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {networks.map((n) => (
          <tr key={`n-${n.id}`}>
            <td>{t('itemKind.network')}</td>
            <td>
              <Link href={`/networks/${encodeURIComponent(n.id)}`}>{n.id}</Link>
            </td>
            <td className="nowrap">{formatDateTime(n.addedAt, lang)}</td>
            <td>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => onRemove('network', n.id)}
              >
                {t('action.remove')}
              </button>
            </td>
          </tr>
        ))}
        {ads.map((a) => (
          <tr key={`a-${a.id}`}>
            <td>{t('itemKind.ad')}</td>
            <td>
              <ScoreBadge value={riskOf(a.scores)} />{' '}
              <Link href={`/ads/${a.id}`}>{truncate(a.title || `#${a.id}`, 70)}</Link>
              <span className="muted"> · {a.city ?? '—'}</span>
            </td>
            <td className="nowrap">{formatDateTime(a.firstSeen, lang)}</td>
            <td>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => onRemove('ad', String(a.id))}
              >
                {t('action.remove')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
