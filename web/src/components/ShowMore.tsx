import { type ReactNode, useState } from 'react';
import { useI18n } from '../app/i18n-context.ts';

/** Renders the first `limit` items and a button to show the rest (long lists stay readable). */
export function ShowMore<T>({
  items,
  limit,
  render,
  className,
}: {
  items: readonly T[];
  limit: number;
  render: (item: T) => ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, limit);
  return (
    <>
      <ul className={className}>{shown.map(render)}</ul>
      {items.length > limit ? (
        <button type="button" className="link-button small" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('list.showLess') : t('list.showAll', { count: items.length })}
        </button>
      ) : null}
    </>
  );
}
