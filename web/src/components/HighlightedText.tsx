import { useMemo } from 'react';
import { useI18n } from '../app/i18n-context.ts';
import { dominantCategory, type SpanHit, segmentText } from '../lib/spans.ts';
import { explainHit } from '../lib/explain.ts';

/**
 * A field's text with indicator spans marked. Each mark is focusable and shows, on hover or focus, every
 * indicator covering it with a sentence explaining why it matters.
 */
export function HighlightedText({ text, hits, testId }: { text: string; hits: SpanHit[]; testId?: string }) {
  const { t } = useI18n();
  const segments = useMemo(() => segmentText(text, hits), [text, hits]);
  return (
    <div className="ad-text" data-testid={testId}>
      {segments.map((s) => {
        if (s.hits.length === 0) return <span key={s.start}>{s.text}</span>;
        const lines = s.hits.map((h) => explainHit(h, t));
        return (
          <mark
            key={s.start}
            className={`hl cat-${dominantCategory(s.hits)}`}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users can read the explanation
            tabIndex={0}
            data-codes={s.hits.map((h) => h.code).join(' ')}
          >
            {s.text}
            <span className="hl-tip" role="tooltip">
              {lines.map((l) => (
                <span key={l}>{l}</span>
              ))}
            </span>
          </mark>
        );
      })}
    </div>
  );
}
