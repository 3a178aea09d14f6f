import { api } from '../api/endpoints.ts';
import { useI18n } from '../app/i18n-context.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { BlurredImage } from '../components/BlurredImage.tsx';
import { HighlightedText } from '../components/HighlightedText.tsx';
import { IndicatorChips } from '../components/IndicatorChips.tsx';
import { Link } from '../components/Link.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../hooks/useApi.ts';
import { formatDateTime } from '../lib/format.ts';
import { hitsForField } from '../lib/spans.ts';
import { AdActions } from './ad/AdActions.tsx';
import { EntityList } from './ad/EntityList.tsx';
import { LinkedAds } from './ad/LinkedAds.tsx';
import { ScoreSummary } from './ad/ScoreSummary.tsx';
import { VersionTable } from './ad/VersionTable.tsx';

/** One ad: highlighted text, scores, entities, captures, images, links, actions. */
export function AdPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const state = useApi((signal) => api.ad(id, { signal }), [id]);
  return (
    <AsyncView state={state} onRetry={state.reload}>
      {(ad) => {
        const cats = [...new Set(ad.indicators.map((h) => h.category))];
        return (
          <article className="ad-page" data-testid="ad-page">
            <PageHeader
              title={ad.title || t('ad.untitled')}
              subtitle={
                <>
                  {ad.source}
                  {ad.sourceId ? ` · ${ad.sourceId}` : ''} ·{' '}
                  {ad.place ? `${ad.place.name} (${ad.place.departement ?? '?'})` : t('ad.noPlace')} ·{' '}
                  {t('ad.firstSeen')} {formatDateTime(ad.firstSeen ?? ad.capturedAt, lang)}
                  {ad.deletedAt ? <span className="tag tag-danger">{t('ad.deleted')}</span> : null}
                </>
              }
              actions={<AdActions ad={ad} onChanged={state.reload} />}
            />
            <div className="grid-2">
              <div className="stack">
                <section className="panel">
                  <h2>{t('ad.text')}</h2>
                  {ad.title ? (
                    <HighlightedText
                      text={ad.title}
                      hits={hitsForField(ad.indicators, 'title')}
                      testId="ad-title"
                    />
                  ) : null}
                  <HighlightedText
                    text={ad.body}
                    hits={hitsForField(ad.indicators, 'body')}
                    testId="ad-body"
                  />
                  <p className="muted small">{t('ad.hoverHint')}</p>
                  {ad.url ? (
                    <p className="small">
                      {t('ad.url')}: <code className="url">{ad.url}</code>
                    </p>
                  ) : null}
                </section>
                <section className="panel">
                  <h2>{t('ad.versions')}</h2>
                  <VersionTable versions={ad.versions ?? []} deletedAt={ad.deletedAt} />
                </section>
                {ad.cases && ad.cases.length > 0 ? (
                  <section className="panel">
                    <h2>{t('ad.inCases')}</h2>
                    <ul>
                      {ad.cases.map((c) => (
                        <li key={c.id}>
                          <Link href={`/cases/${c.id}`}>
                            #{c.id} — {c.title}
                          </Link>{' '}
                          <span className="tag">{t(`caseStatus.${c.status}`)}</span>
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                <section className="panel">
                  <h2>{t('ad.images')}</h2>
                  {(ad.images ?? []).length === 0 ? (
                    <p className="muted">{t('ad.noImages')}</p>
                  ) : (
                    <div className="image-grid">
                      {(ad.images ?? []).map((im) => (
                        <BlurredImage key={im.ord} adId={ad.id} image={im} />
                      ))}
                    </div>
                  )}
                </section>
              </div>
              <div className="stack">
                <section className="panel">
                  <h2>{t('ad.scores')}</h2>
                  <ScoreSummary scores={ad.scores} />
                  <IndicatorChips categories={cats} />
                </section>
                <section className="panel">
                  <h2>{t('ad.entities')}</h2>
                  <EntityList extraction={ad.entities} />
                </section>
                <section className="panel">
                  <h2>{t('ad.linked')}</h2>
                  {ad.cluster ? (
                    <p>
                      {t('ad.inNetwork')}{' '}
                      <Link href={`/networks/${encodeURIComponent(ad.cluster)}`} data-testid="network-link">
                        {ad.cluster}
                      </Link>
                    </p>
                  ) : null}
                  <LinkedAds linked={ad.linked ?? []} />
                </section>
              </div>
            </div>
          </article>
        );
      }}
    </AsyncView>
  );
}
