import type { LinkedAd } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { Link } from '../../components/Link.tsx';
import { truncate } from '../../lib/format.ts';

/** Ads linked to this one, each with the reasons of the link in plain words. */
export function LinkedAds({ linked }: { linked: LinkedAd[] }) {
  const { t } = useI18n();
  if (linked.length === 0) return <p className="muted">{t('ad.noLinked')}</p>;
  return (
    <ul className="linked-list" data-testid="linked-ads">
      {linked.map((l) => (
        <li key={l.id}>
          <Link href={`/ads/${l.id}`}>{truncate(l.title || `#${l.id}`, 70)}</Link>
          {l.city ? <span className="muted"> · {l.city}</span> : null}
          <ul className="reasons">
            {l.reasons.map((r) => (
              <li key={`${r.kind}-${r.via}-${r.reason}`}>
                <span className="tag">{t(`linkKind.${r.kind}`)}</span> {r.reason}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
