import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { useI18n } from '../app/i18n-context.ts';
import { useRouter } from '../app/router-context.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { Empty } from '../components/Empty.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { useApi } from '../hooks/useApi.ts';
import { describeError } from '../lib/describe-error.ts';
import { classifySearch, watchKindOf } from '../lib/search-query.ts';
import { SearchResults } from './search/SearchResults.tsx';

const PAGE_SIZE = 50;

/** Search ads by full text or by identifier (a phone in any format, even disguised, finds its ads). */
export function SearchPage() {
  const { t } = useI18n();
  const { location, navigate } = useRouter();
  const params = new URLSearchParams(location.search);
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [input, setInput] = useState(q);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setInput(q), [q]);
  const kind = classifySearch(q);
  const result = useApi(
    async (signal) => {
      if (!q.trim()) return null;
      const offset = (page - 1) * PAGE_SIZE;
      if (kind === 'identifier') {
        try {
          return {
            mode: 'identifier' as const,
            page: await api.searchAds({ identifier: q, offset, limit: PAGE_SIZE }, { signal }),
          };
        } catch (e) {
          // Not an identifier after all: fall back to full text.
          if (!(e instanceof ApiError && e.code === 'invalid_input')) throw e;
        }
      }
      return {
        mode: 'text' as const,
        page: await api.searchAds({ q, offset, limit: PAGE_SIZE }, { signal }),
      };
    },
    [q, page],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/search?q=${encodeURIComponent(input.trim())}`);
  };
  const watch = async () => {
    try {
      if (kind === 'identifier') await api.addWatch(watchKindOf(q), q, q);
      else await api.addWatch('search', JSON.stringify({ q }), q);
      setNotice(t('search.watching'));
    } catch (err) {
      setNotice(describeError(err, t));
    }
  };
  return (
    <section>
      <PageHeader title={t('search.title')} subtitle={t('search.subtitle')} />
      <search>
        <form className="search-form" onSubmit={submit}>
          <label htmlFor="search-input" className="sr-only">
            {t('search.label')}
          </label>
          <input
            id="search-input"
            type="search"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            placeholder={t('search.placeholder')}
          />
          <button type="submit" className="btn btn-primary">
            {t('search.submit')}
          </button>
        </form>
      </search>
      <Notice message={notice} onClear={() => setNotice(null)} />
      {q ? (
        <AsyncView state={result} onRetry={result.reload}>
          {(r) =>
            !r ? null : (
              <>
                <div className="search-meta">
                  <span data-testid="search-mode">
                    {r.mode === 'identifier' ? t('search.asIdentifier', { q }) : t('search.asText', { q })}
                  </span>
                  <button type="button" className="btn btn-small" onClick={() => void watch()}>
                    {t('search.watch')}
                  </button>
                </div>
                {r.page.items.length === 0 ? (
                  <Empty>{t('search.empty')}</Empty>
                ) : (
                  <>
                    <SearchResults ads={r.page.items} />
                    <Pagination
                      page={page}
                      pageSize={PAGE_SIZE}
                      total={r.page.total ?? r.page.items.length}
                      onPage={(p) => navigate(`/search?q=${encodeURIComponent(q)}&page=${p}`)}
                    />
                  </>
                )}
              </>
            )
          }
        </AsyncView>
      ) : (
        <p className="muted">{t('search.help')}</p>
      )}
    </section>
  );
}
