import type { AdSummary } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { IndicatorChips } from '../../components/IndicatorChips.tsx';
import { Link } from '../../components/Link.tsx';
import { ScoreBadge } from '../../components/ScoreBadge.tsx';
import { categoriesOf } from '../../lib/categories.ts';
import { formatDate, riskOf, truncate } from '../../lib/format.ts';

/** The network's ads (first 200; the rest are reachable through search or triage filters). */
export function MemberList({ members }: { members: AdSummary[] }) {
  const { t, lang } = useI18n();
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th>{t('ad.risk')}</th>
          <th>{t('ad.title')}</th>
          <th>{t('ad.place')}</th>
          <th>{t('ad.seen')}</th>
          <th>{t('ad.indicators')}</th>
        </tr>
      </thead>
      <tbody>
        {members.slice(0, 200).map((a) => (
          <tr key={a.id}>
            <td>
              <ScoreBadge value={riskOf(a.scores)} />
            </td>
            <td>
              <Link href={`/ads/${a.id}`}>{truncate(a.title || `#${a.id}`, 70)}</Link>
            </td>
            <td>{a.city ?? '—'}</td>
            <td className="nowrap">{formatDate(a.postedAt ?? a.firstSeen, lang)}</td>
            <td>
              <IndicatorChips categories={categoriesOf(a.indicators)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
