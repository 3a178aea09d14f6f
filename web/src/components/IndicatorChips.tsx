import { useI18n } from '../app/i18n-context.ts';

/** Indicator categories present on an ad, as small coloured chips with translated names. */
export function IndicatorChips({ categories }: { categories: readonly string[] | undefined }) {
  const { t } = useI18n();
  if (!categories || categories.length === 0) return <span className="muted">—</span>;
  return (
    <span className="chips">
      {categories.map((c) => (
        <span key={c} className={`chip cat-${c}`}>
          {t(`category.${c}`)}
        </span>
      ))}
    </span>
  );
}
