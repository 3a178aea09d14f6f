import type { AdSummary } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { IndicatorChips } from '../../components/IndicatorChips.tsx';
import { Link } from '../../components/Link.tsx';
import { ScoreBadge } from '../../components/ScoreBadge.tsx';
import { categoriesOf } from '../../lib/categories.ts';
import { formatDateTime, riskOf, truncate } from '../../lib/format.ts';

/** Ads ranked by risk, with a selection column and a keyboard cursor (highlighted row). */
export function AdTable({
  ads,
  cursor,
  selected,
  onToggle,
  onToggleAll,
  sort,
}: {
  sort: 'minor' | 'control' | 'recruitment' | 'recent';
  ads: AdSummary[];
  cursor: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
}) {
  const { t, lang } = useI18n();
  const allSelected = ads.length > 0 && ads.every((a) => selected.has(String(a.id)));
  return (
    <table className="table" data-testid="ad-table">
      <thead>
        <tr>
          <th className="col-check">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={onToggleAll}
              aria-label={t('triage.selectAll')}
            />
          </th>
          <th>{sort === 'recent' ? t('ad.risk') : t(`scoreName.${sort}`)}</th>
          <th>{t('ad.title')}</th>
          <th>{t('ad.place')}</th>
          <th>{t('ad.source')}</th>
          <th>{t('ad.seen')}</th>
          <th>{t('ad.indicators')}</th>
          <th>{t('ad.network')}</th>
        </tr>
      </thead>
      <tbody>
        {ads.map((a, i) => {
          const id = String(a.id);
          return (
            <tr
              key={id}
              data-row-index={i}
              className={`${i === cursor ? 'cursor' : ''} ${a.reviewed ? 'reviewed' : ''}`}
              aria-selected={selected.has(id)}
            >
              <td className="col-check">
                <input
                  type="checkbox"
                  checked={selected.has(id)}
                  onChange={() => onToggle(id)}
                  aria-label={t('triage.select', { title: a.title ?? id })}
                />
              </td>
              <td>
                <ScoreBadge value={sort === 'recent' ? riskOf(a.scores) : a.scores[sort]} />
              </td>
              <td className="col-title">
                <Link href={`/ads/${a.id}`}>{truncate(a.title || a.snippet || t('ad.untitled'), 90)}</Link>
                {a.reviewed ? <span className="tag">{t('ad.reviewedTag')}</span> : null}
              </td>
              <td>
                {a.city ?? '—'}
                {a.departement ? <span className="muted"> ({a.departement})</span> : null}
              </td>
              <td>{a.source}</td>
              <td className="nowrap">{formatDateTime(a.firstSeen ?? a.postedAt, lang)}</td>
              <td>
                <IndicatorChips categories={categoriesOf(a.indicators)} />
              </td>
              <td>
                {a.cluster ? (
                  <Link href={`/networks/${encodeURIComponent(a.cluster)}`}>{a.cluster}</Link>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
