import type { NetworkDetail } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { ScoreSummary } from '../ad/ScoreSummary.tsx';

/** Key figures of a network at a glance. */
export function NetworkSummaryPanel({ network }: { network: NetworkDetail }) {
  const { t, lang } = useI18n();
  const cities = network.cities.length;
  const figures: [string, string][] = [
    [t('network.ads'), formatNumber(network.size, lang)],
    [t('network.phones'), formatNumber(network.phones, lang)],
    [t('network.personas'), formatNumber(network.personas.length, lang)],
    [t('network.cities'), formatNumber(cities, lang)],
    [t('network.firstSeen'), formatDate(network.firstSeen, lang)],
    [t('network.lastSeen'), formatDate(network.lastSeen, lang)],
  ];
  return (
    <div className="summary" data-testid="network-summary">
      <dl className="figures">
        {figures.map(([k, v]) => (
          <div key={k} className="figure">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {network.scores ? <ScoreSummary scores={network.scores} /> : null}
      {network.cities.length > 0 ? <p className="muted small">{network.cities.join(' · ')}</p> : null}
    </div>
  );
}
