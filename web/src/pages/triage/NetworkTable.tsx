import type { NetworkSummary } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { Link } from '../../components/Link.tsx';
import { ScoreBadge } from '../../components/ScoreBadge.tsx';
import { formatDate, formatNumber, riskOf } from '../../lib/format.ts';

/** Networks ranked by risk: size, phones, personas, cities, first/last seen. */
export function NetworkTable({ networks, cursor }: { networks: NetworkSummary[]; cursor: number }) {
  const { t, lang } = useI18n();
  return (
    <table className="table" data-testid="network-table">
      <thead>
        <tr>
          <th>{t('ad.risk')}</th>
          <th>{t('network.id')}</th>
          <th className="num">{t('network.ads')}</th>
          <th className="num">{t('network.phones')}</th>
          <th className="num">{t('network.personas')}</th>
          <th>{t('network.cities')}</th>
          <th>{t('network.firstSeen')}</th>
          <th>{t('network.lastSeen')}</th>
        </tr>
      </thead>
      <tbody>
        {networks.map((n, i) => (
          <tr key={n.id} data-row-index={i} className={i === cursor ? 'cursor' : ''}>
            <td>
              <ScoreBadge value={n.risk ?? (n.scores ? riskOf(n.scores) : undefined)} />
            </td>
            <td>
              <Link href={`/networks/${encodeURIComponent(n.id)}`}>{n.label || n.id}</Link>
            </td>
            <td className="num">{formatNumber(n.size, lang)}</td>
            <td className="num">{formatNumber(n.phones, lang)}</td>
            <td className="num">{formatNumber(n.personas, lang)}</td>
            <td>
              {Array.isArray(n.cities) ? n.cities.slice(0, 4).join(', ') : formatNumber(n.cities, lang)}
            </td>
            <td className="nowrap">{formatDate(n.firstSeen, lang)}</td>
            <td className="nowrap">{formatDate(n.lastSeen, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
