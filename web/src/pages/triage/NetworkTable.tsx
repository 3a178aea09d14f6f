import type { NetworkSummary } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { Link } from '../../components/Link.tsx';
import { ScoreBadge } from '../../components/ScoreBadge.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';

/** Networks ranked by risk: size, places, highest scores, first/last seen. */
export function NetworkTable({ networks, cursor }: { networks: NetworkSummary[]; cursor: number }) {
  const { t, lang } = useI18n();
  return (
    <table className="table" data-testid="network-table">
      <thead>
        <tr>
          <th>{t('network.id')}</th>
          <th className="num">{t('network.ads')}</th>
          <th>{t('scoreName.minor')}</th>
          <th>{t('scoreName.control')}</th>
          <th>{t('scoreName.recruitment')}</th>
          <th className="num">{t('network.places')}</th>
          <th className="num">{t('network.departements')}</th>
          <th>{t('network.firstSeen')}</th>
          <th>{t('network.lastSeen')}</th>
        </tr>
      </thead>
      <tbody>
        {networks.map((n, i) => (
          <tr key={n.id} data-row-index={i} className={i === cursor ? 'cursor' : ''}>
            <td>
              <Link href={`/networks/${encodeURIComponent(n.id)}`}>{n.id}</Link>
            </td>
            <td className="num">{formatNumber(n.size, lang)}</td>
            <td>
              <ScoreBadge value={n.scores?.minor} />
            </td>
            <td>
              <ScoreBadge value={n.scores?.control} />
            </td>
            <td>
              <ScoreBadge value={n.scores?.recruitment} />
            </td>
            <td className="num">{formatNumber(n.places, lang)}</td>
            <td className="num">{formatNumber(n.departements, lang)}</td>
            <td className="nowrap">{formatDate(n.firstSeen, lang)}</td>
            <td className="nowrap">{formatDate(n.lastSeen, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
