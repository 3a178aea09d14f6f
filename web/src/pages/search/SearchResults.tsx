import type { AdSummary } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { IndicatorChips } from '../../components/IndicatorChips.tsx';
import { Link } from '../../components/Link.tsx';
import { ScoreBadge } from '../../components/ScoreBadge.tsx';
import { categoriesOf } from '../../lib/categories.ts';
import { formatDateTime, formatPhone, riskOf, truncate } from '../../lib/format.ts';

/** Search hits as cards: title, snippet, phones, place, date, risk. */
export function SearchResults({ ads }: { ads: AdSummary[] }) {
  const { t, lang } = useI18n();
  return (
    <ol className="results" data-testid="search-results">
      {ads.map((a) => (
        <li key={a.id} className="result">
          <div className="result-head">
            <ScoreBadge value={riskOf(a.scores)} />
            <Link href={`/ads/${a.id}`} className="result-title">
              {truncate(a.title || t('ad.untitled'), 100)}
            </Link>
          </div>
          <p className="result-snippet">{truncate(a.snippet, 240)}</p>
          <p className="muted small">
            {a.source} · {a.city ?? t('ad.noPlace')} · {formatDateTime(a.firstSeen ?? a.postedAt, lang)}
            {a.phones && a.phones.length > 0 ? ` · ${a.phones.map(formatPhone).join(', ')}` : ''}
          </p>
          <IndicatorChips categories={categoriesOf(a.indicators)} />
        </li>
      ))}
    </ol>
  );
}
