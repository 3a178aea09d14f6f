import type { LinkedAd } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { Link } from '../../components/Link.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { truncate } from '../../lib/format.ts';

/** Ads linked to this one, each with the reasons of the link in plain words (first ones, then on demand). */
export function LinkedAds({ linked }: { linked: LinkedAd[] }) {
  const { t } = useI18n();
  if (linked.length === 0) return <p className="muted">{t('ad.noLinked')}</p>;
  return (
    <div data-testid="linked-ads">
      <ShowMore
        items={linked}
        limit={12}
        className="linked-list"
        render={(l) => (
          <li key={l.id}>
            <Link href={`/ads/${l.id}`}>{truncate(l.title || `#${l.id}`, 70)}</Link>
            {l.city ? <span className="muted"> · {l.city}</span> : null}
            <ul className="reasons">
              {l.reasons.map((r) => (
                <li key={`${r.kind}-${r.via}-${r.reason}`}>
                  <span className="tag">{t(`linkKind.${r.kind}`)}</span> {truncate(r.reason, 90)}
                </li>
              ))}
            </ul>
          </li>
        )}
      />
    </div>
  );
}
