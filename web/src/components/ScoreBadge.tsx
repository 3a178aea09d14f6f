import { useI18n } from '../app/i18n-context.ts';
import { formatPercent, scoreLevel } from '../lib/format.ts';

/** A risk score as a coloured percentage, with its level in words for screen readers and tooltips. */
export function ScoreBadge({ value, label }: { value: number | undefined | null; label?: string }) {
  const { t, lang } = useI18n();
  if (value === undefined || value === null) return <span className="score score-none">—</span>;
  const level = scoreLevel(value);
  const title = `${label ? `${label} · ` : ''}${t(`score.${level}`)}`;
  return (
    <span className={`score score-${level}`} title={title}>
      {formatPercent(value, lang)}
      <span className="sr-only"> ({title})</span>
    </span>
  );
}
