import { UndirectedGraph } from 'graphology';
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import { useI18n } from '../../app/i18n-context.ts';
import { useRouter } from '../../app/router-context.ts';
import { KIND_COLORS } from '../../lib/colors.ts';
import { truncate } from '../../lib/format.ts';
import { type AdIdentifiers, buildGraphView, neighbourhood, shortLabel } from '../../lib/graph-view.ts';

/**
 * The network's identifiers grouped by type. Click (or pick in the list) focuses a node and dims the rest;
 * "expand" shows the ads using it; clicking an ad opens it. The list below is the keyboard route.
 */
export function NetworkGraph({ ads }: { ads: AdIdentifiers[] }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<string | null>(null);
  const view = useMemo(() => buildGraphView(ads, expanded), [ads, expanded]);
  const near = useMemo(() => (focus ? neighbourhood(view, focus) : null), [view, focus]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current || view.nodes.length === 0) return;
    const g = new UndirectedGraph();
    for (const n of view.nodes) {
      const dim = near && !near.has(n.key);
      g.addNode(n.key, {
        x: n.x,
        y: n.y,
        size: n.size,
        label: n.kind === 'ad' ? truncate(n.label, 28) : `${shortLabel(n.kind, n.label)} (${n.ads})`,
        color: dim ? '#e5e7eb' : (KIND_COLORS[n.kind] ?? '#6b7280'),
        zIndex: dim ? 0 : 1,
      });
    }
    for (const e of view.edges)
      if (!g.hasEdge(e.source, e.target))
        g.addEdge(e.source, e.target, {
          size: Math.min(6, 0.8 + Math.log2(1 + e.weight)),
          color: near && !(near.has(e.source) && near.has(e.target)) ? '#f1f5f9' : '#cbd5e1',
        });
    let s: Sigma;
    try {
      s = new Sigma(g, container.current, {
        renderLabels: true,
        labelRenderedSizeThreshold: 7,
        labelFont: 'system-ui, sans-serif',
        labelSize: 12,
        zIndex: true,
      });
    } catch {
      setFailed(true);
      return;
    }
    s.on('clickNode', ({ node }) => {
      const n = view.nodes.find((x) => x.key === node);
      if (n?.kind === 'ad' && n.adId !== undefined) navigate(`/ads/${n.adId}`);
      else setFocus((f) => (f === node ? null : node));
    });
    s.on('clickStage', () => setFocus(null));
    return () => s.kill();
  }, [view, near, navigate]);

  const toggleExpand = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const identifiers = view.nodes.filter((n) => n.kind !== 'ad');

  if (ads.length === 0) return <p className="muted">{t('network.noGraph')}</p>;
  return (
    <div className="graph-block">
      <div className="graph-legend">
        {view.legend.map((l) => (
          <span key={l.kind} className="legend-item">
            <span className="swatch" style={{ background: KIND_COLORS[l.kind] ?? '#6b7280' }} />
            {t(`idKind.${l.kind}`)} ({l.count})
          </span>
        ))}
        <span className="muted small">{t('network.graphHint')}</span>
      </div>
      {failed ? (
        <p className="muted">{t('network.graphUnavailable')}</p>
      ) : (
        <div
          ref={container}
          className="graph"
          role="img"
          aria-label={t('network.graphLabel')}
          data-testid="graph"
        />
      )}
      <ul className="graph-nodes" aria-label={t('network.identifiers')}>
        {identifiers.map((n) => (
          <li key={n.key} className={focus === n.key ? 'focused' : ''}>
            <span className="swatch" style={{ background: KIND_COLORS[n.kind] ?? '#6b7280' }} />
            <button
              type="button"
              className="link-button"
              onClick={() => setFocus(focus === n.key ? null : n.key)}
            >
              {shortLabel(n.kind, n.label)}
            </button>
            <span className="muted">{t('network.usedBy', { count: n.ads })}</span>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => toggleExpand(n.key)}
              aria-pressed={expanded.has(n.key)}
            >
              {expanded.has(n.key) ? t('network.collapse') : t('network.expand')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
