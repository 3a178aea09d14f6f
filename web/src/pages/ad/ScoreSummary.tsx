import type { Scores } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { ScoreBadge } from '../../components/ScoreBadge.tsx';

/** The three explainable scores side by side. */
export function ScoreSummary({ scores }: { scores: Scores }) {
  const { t } = useI18n();
  return (
    <div className="score-summary">
      {(['minor', 'control', 'recruitment'] as const).map((k) => (
        <div key={k} className="score-cell">
          <span className="score-label">{t(`scoreName.${k}`)}</span>
          <ScoreBadge value={scores[k]} label={t(`scoreName.${k}`)} />
        </div>
      ))}
    </div>
  );
}
