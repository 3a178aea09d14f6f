import type { LinkReason } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { Link } from '../../components/Link.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { groupReasons } from '../../lib/why-linked.ts';

/** Why these ads are one network: each piece of evidence in words, strongest kinds first. */
export function WhyLinked({ links }: { links: LinkReason[] }) {
  const { t } = useI18n();
  if (links.length === 0) return <p className="muted">{t('network.noLinks')}</p>;
  return (
    <div className="why-linked" data-testid="why-linked">
      {groupReasons(links).map((g) => (
        <section key={g.kind}>
          <h3>
            {t(`linkKind.${g.kind}`)} <span className="muted">({g.items.length})</span>
          </h3>
          <ShowMore
            items={g.items}
            limit={5}
            render={(l) => (
              <li key={`${l.a}-${l.b}-${l.reason}`}>
                {l.a !== null && l.b !== null ? (
                  <>
                    <Link href={`/ads/${l.a}`}>#{l.a}</Link> ↔ <Link href={`/ads/${l.b}`}>#{l.b}</Link> —{' '}
                  </>
                ) : null}
                {l.reason}
                {l.strong === false ? <span className="tag">{t('network.weakLink')}</span> : null}
              </li>
            )}
          />
        </section>
      ))}
    </div>
  );
}
