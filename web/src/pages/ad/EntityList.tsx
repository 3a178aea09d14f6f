import type { Extraction } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { formatPhone } from '../../lib/format.ts';
import { Link } from '../../components/Link.tsx';

/** What extraction found: phones (with how they were written), e-mails, handles, ages, places, prices. */
export function EntityList({ extraction }: { extraction: Partial<Extraction> | null | undefined }) {
  const { t } = useI18n();
  const e = extraction ?? {};
  const rows: { label: string; values: { text: string; note?: string; href?: string }[] }[] = [
    {
      label: t('entity.phones'),
      values: (e.phones ?? []).map((p) => ({
        text: formatPhone(p.e164),
        note: p.obfuscated ? t(`phoneStyle.${p.style}`) : undefined,
        href: `/search?q=${encodeURIComponent(p.e164)}`,
      })),
    },
    { label: t('entity.emails'), values: (e.emails ?? []).map((m) => ({ text: m.email })) },
    {
      label: t('entity.handles'),
      values: (e.handles ?? []).map((h) => ({ text: `${h.platform}: ${h.handle}` })),
    },
    { label: t('entity.ages'), values: (e.ages ?? []).map((a) => ({ text: String(a.age) })) },
    {
      label: t('entity.places'),
      values: (e.places ?? []).map((p) => ({ text: `${p.name} (${p.departement})` })),
    },
    {
      label: t('entity.prices'),
      values: (e.prices ?? []).map((p) => ({
        text: `${p.amount} ${p.currency}${p.minutes ? ` / ${p.minutes} min` : ''}`,
      })),
    },
    { label: t('entity.names'), values: (e.names ?? []).map((n) => ({ text: n.name })) },
  ];
  return (
    <dl className="entities" data-testid="entities">
      {rows.map((r) => (
        <div key={r.label} className="entity-row">
          <dt>{r.label}</dt>
          <dd>
            {r.values.length === 0 ? (
              <span className="muted">—</span>
            ) : (
              r.values.map((v) => (
                <span key={v.text} className="entity">
                  {v.href ? <Link href={v.href}>{v.text}</Link> : v.text}
                  {v.note ? <span className="entity-note">{v.note}</span> : null}
                </span>
              ))
            )}
          </dd>
        </div>
      ))}
      {e.language ? (
        <div className="entity-row">
          <dt>{t('entity.language')}</dt>
          <dd>{e.language}</dd>
        </div>
      ) : null}
    </dl>
  );
}
