import type { CaseItem } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { Link } from '../../components/Link.tsx';
import { formatDateTime } from '../../lib/format.ts';

/** Ads and networks attached to the case. */
export function CaseItems({ items }: { items: CaseItem[] }) {
  const { t, lang } = useI18n();
  if (items.length === 0) return <p className="muted">{t('cases.noItems')}</p>;
  return (
    <table className="table compact" data-testid="case-items">
      <thead>
        <tr>
          <th>{t('cases.itemKind')}</th>
          <th>{t('cases.item')}</th>
          <th>{t('cases.addedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={`${i.kind}-${i.ref}`}>
            <td>{t(`itemKind.${i.kind}`)}</td>
            <td>
              <Link href={i.kind === 'network' ? `/networks/${encodeURIComponent(i.ref)}` : `/ads/${i.ref}`}>
                {i.title || (i.kind === 'network' ? i.ref : `#${i.ref}`)}
              </Link>
            </td>
            <td className="nowrap">
              {formatDateTime(i.addedAt, lang)}
              {i.addedBy ? ` · ${i.addedBy}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
