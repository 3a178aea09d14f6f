import type { CaseEvidence } from './collect.ts';

const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#111}
h1,h2{border-bottom:1px solid #ccc}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
code{font-size:12px;word-break:break-all}.ad{page-break-inside:avoid;margin:1rem 0;padding:.5rem 1rem;border:1px solid #ddd}pre{white-space:pre-wrap}`;

/**
 * A self-contained HTML report (no script, no external resource): summary, timeline, places, and every
 * ad with every capture's SHA-256 and capture time. The files it cites are in the same ZIP.
 */
export function htmlReport(
  e: CaseEvidence,
  meta: { generatedAt: string; generatedBy: string; captureFile: (captureId: number) => string },
): string {
  const places = new Map<string, number>();
  for (const a of e.ads)
    if (a.city)
      places.set(
        `${a.city} (${a.departement ?? '?'})`,
        (places.get(`${a.city} (${a.departement ?? '?'})`) ?? 0) + 1,
      );
  const captures = e.ads.reduce((n, a) => n + a.captures.length, 0);
  const first = e.ads[0]?.firstSeen ?? '—';
  const last = e.ads.reduce((m, a) => (a.lastSeen > m ? a.lastSeen : m), '');
  const h: string[] = [];
  h.push(
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Dossier ${esc(e.case.id)} — ${esc(e.case.title)}</title><style>${STYLE}</style></head><body>`,
  );
  h.push(`<h1>Dossier ${esc(e.case.id)} — ${esc(e.case.title)}</h1>`);
  h.push('<h2>Résumé / Summary</h2><table>');
  for (const [k, v] of [
    ['Statut / status', e.case.status],
    ['Créé / created', `${e.case.createdAt} par ${e.case.createdBy ?? '?'}`],
    ['Assigné / assignee', e.case.assignee ?? '—'],
    ['Annonces / ads', e.ads.length],
    ['Captures', captures],
    ['Réseaux / networks', e.networks.join(', ') || '—'],
    ['Période / period', `${first} → ${last || '—'}`],
    ['Généré / generated', `${meta.generatedAt} par ${meta.generatedBy}`],
  ] as const)
    h.push(`<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`);
  h.push('</table>');
  if (e.case.description) h.push(`<p>${esc(e.case.description)}</p>`);
  h.push(
    '<p>Chaque capture est fournie telle que reçue dans <code>captures/</code>; son empreinte SHA-256 figure ci-dessous et dans <code>manifest.json</code>. / Each capture is included verbatim under <code>captures/</code>; its SHA-256 is listed below and in <code>manifest.json</code>.</p>',
  );
  h.push(
    '<h2>Chronologie / Timeline</h2><table><tr><th>Vue / seen</th><th>Lieu / place</th><th>Site</th><th>Titre / title</th><th>Téléphones</th></tr>',
  );
  for (const a of e.ads)
    h.push(
      `<tr><td>${esc(a.firstSeen)}</td><td>${esc(a.city ?? '—')}</td><td>${esc(a.source)}</td><td><a href="#ad-${a.id}">${esc(a.title ?? a.sourceId)}</a></td><td>${esc(a.phones.join(', '))}</td></tr>`,
    );
  h.push('</table><h2>Lieux / Places</h2><table><tr><th>Commune</th><th>Annonces / ads</th></tr>');
  for (const [p, n] of [...places].sort((x, y) => y[1] - x[1]))
    h.push(`<tr><td>${esc(p)}</td><td>${n}</td></tr>`);
  h.push('</table><h2>Annonces et captures / Ads and captures</h2>');
  for (const a of e.ads) {
    h.push(`<div class="ad" id="ad-${a.id}"><h3>${esc(a.title ?? '(sans titre)')}</h3>`);
    h.push(
      `<p>${esc(a.source)} / ${esc(a.sourceId)} — ${a.url ? `<code>${esc(a.url)}</code>` : 'URL inconnue'}<br>publiée ${esc(a.postedAt ?? '?')}, vue du ${esc(a.firstSeen)} au ${esc(a.lastSeen)}${a.deletedAt ? `, supprimée ${esc(a.deletedAt)}` : ''}</p>`,
    );
    h.push(`<pre>${esc(a.body)}</pre>`);
    const ids = [...a.phones, ...a.emails, ...a.handles];
    if (ids.length) h.push(`<p>Identifiants : ${esc(ids.join(', '))}</p>`);
    if (a.indicators.length)
      h.push(`<p>Indicateurs : ${esc([...new Set(a.indicators.map((i) => i.code))].join(', '))}</p>`);
    h.push(
      '<table><tr><th>Version</th><th>Capturée / captured</th><th>SHA-256</th><th>Fichier / file</th></tr>',
    );
    for (const c of a.captures)
      h.push(
        `<tr><td>${c.version}</td><td>${esc(c.receivedAt)}</td><td><code>${esc(c.sha256)}</code></td><td><code>${esc(meta.captureFile(c.captureId))}</code></td></tr>`,
      );
    h.push('</table>');
    if (a.images.length)
      h.push(
        `<p>Images (SHA-256) : ${a.images.map((im) => `<code>${esc(im.sha256 ?? im.status)}</code>`).join(', ')}</p>`,
      );
    h.push('</div>');
  }
  h.push('</body></html>');
  return h.join('\n');
}
