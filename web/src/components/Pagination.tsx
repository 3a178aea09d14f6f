import { useI18n } from '../app/i18n-context.ts';
import { formatNumber } from '../lib/format.ts';
import { pageCount } from '../lib/filters.ts';

/** Previous/next with "page N of M · T results"; works for 100k rows since only one page is loaded. */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (p: number) => void;
}) {
  const { t, lang } = useI18n();
  const pages = pageCount(total, pageSize);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <span className="muted">
        {t('pagination.status', {
          page: formatNumber(page, lang),
          pages: formatNumber(pages, lang),
          total: formatNumber(total, lang),
        })}
      </span>
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(1)}>
        «<span className="sr-only">{t('pagination.first')}</span>
      </button>
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pagination.prev')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}
