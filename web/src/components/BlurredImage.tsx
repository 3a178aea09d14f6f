import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { AdImage } from '../api/types.ts';
import { useI18n } from '../app/i18n-context.ts';
import { describeError } from '../lib/describe-error.ts';

async function objectUrl(res: Response): Promise<string> {
  return URL.createObjectURL(await res.blob());
}

/**
 * An ad image, hidden until the analyst clicks. The click loads the server-blurred thumbnail (an audited
 * view); the unblurred original needs a stated reason, also kept in the audit log.
 */
export function BlurredImage({ adId, image }: { adId: number; image: AdImage }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [original, setOriginal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(
    () => () => {
      if (src) URL.revokeObjectURL(src);
    },
    [src],
  );
  const load = async (fetcher: () => Promise<Response>, isOriginal: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setSrc(await objectUrl(await fetcher()));
      setOriginal(isOriginal);
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };
  const askOriginal = () => {
    const reason = window.prompt(t('ad.originalReason'));
    if (reason && reason.trim().length >= 3)
      void load(() => api.imageOriginal(adId, image.ord, reason.trim()), true);
  };
  if (!image.thumbUrl && !src)
    return (
      <figure className="ad-image">
        <div className="blur-cover static">
          <span className="blur-placeholder" />
          <span className="blur-label">{t('ad.imageNotStored')}</span>
        </div>
      </figure>
    );
  return (
    <figure className="ad-image">
      {src ? (
        <img
          src={src}
          alt={t('ad.imageAlt', { id: String(image.ord + 1) })}
          className={original ? '' : 'soft'}
        />
      ) : (
        <button
          type="button"
          className="blur-cover"
          onClick={() => void load(() => api.imageThumb(adId, image.ord), false)}
          disabled={busy}
          data-testid="reveal-image"
        >
          <span className="blur-placeholder" />
          <span className="blur-label">{busy ? t('state.loading') : t('ad.revealImage')}</span>
        </button>
      )}
      <figcaption className="muted small">
        {error ?? (src ? (original ? t('ad.originalShown') : t('ad.blurredShown')) : t('ad.revealAudited'))}
        {src ? (
          <span className="fig-actions">
            {!original ? (
              <button type="button" className="link-button" onClick={askOriginal} disabled={busy}>
                {t('ad.showOriginal')}
              </button>
            ) : null}
            <button type="button" className="link-button" onClick={() => setSrc(null)}>
              {t('ad.hideImage')}
            </button>
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
