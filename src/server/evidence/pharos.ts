import type { CaseEvidence } from './collect.ts';

/**
 * The facts a report to Pharos or a requisition to a platform or operator needs: each ad's URL and site,
 * when it was seen, its identifiers, and each identifier with the ads and dates it appears in.
 */
export function pharosReport(e: CaseEvidence, generatedAt: string) {
  const idents = new Map<
    string,
    { kind: string; value: string; ads: string[]; firstSeen: string; lastSeen: string }
  >();
  for (const a of e.ads) {
    const list = [
      ...a.phones.map((v) => ['phone', v] as const),
      ...a.emails.map((v) => ['email', v] as const),
      ...a.handles.map((v) => ['handle', v] as const),
    ];
    for (const [kind, value] of list) {
      const k = `${kind}:${value}`;
      const x = idents.get(k) ?? { kind, value, ads: [], firstSeen: a.firstSeen, lastSeen: a.lastSeen };
      x.ads.push(a.url ?? `${a.source}/${a.sourceId}`);
      if (a.firstSeen < x.firstSeen) x.firstSeen = a.firstSeen;
      if (a.lastSeen > x.lastSeen) x.lastSeen = a.lastSeen;
      idents.set(k, x);
    }
  }
  return {
    generatedAt,
    case: { id: e.case.id, title: e.case.title },
    ads: e.ads.map((a) => ({
      site: a.source,
      adId: a.sourceId,
      url: a.url,
      title: a.title,
      postedAt: a.postedAt,
      firstSeen: a.firstSeen,
      lastSeen: a.lastSeen,
      deletedAt: a.deletedAt,
      city: a.city,
      phones: a.phones,
      emails: a.emails,
      handles: a.handles,
      captures: a.captures.map((c) => ({ receivedAt: c.receivedAt, sha256: c.sha256 })),
    })),
    identifiers: [...idents.values()].sort((x, y) => y.ads.length - x.ads.length),
  };
}

/** The same as plain text, to paste into a form. */
export function pharosText(r: ReturnType<typeof pharosReport>): string {
  const out = [`Signalement — dossier ${r.case.id} « ${r.case.title} » — généré le ${r.generatedAt}`, ''];
  out.push(`Annonces (${r.ads.length}) :`);
  for (const a of r.ads) {
    out.push(`- ${a.url ?? `${a.site} / ${a.adId}`}`);
    out.push(
      `  site ${a.site}, annonce ${a.adId}, publiée ${a.postedAt ?? 'inconnu'}, vue du ${a.firstSeen} au ${a.lastSeen}${a.deletedAt ? `, supprimée ${a.deletedAt}` : ''}`,
    );
    if (a.phones.length) out.push(`  téléphones : ${a.phones.join(', ')}`);
    if (a.emails.length) out.push(`  e-mails : ${a.emails.join(', ')}`);
    if (a.handles.length) out.push(`  comptes : ${a.handles.join(', ')}`);
    for (const c of a.captures) out.push(`  capture ${c.receivedAt} SHA-256 ${c.sha256}`);
  }
  out.push('', 'Identifiants :');
  for (const i of r.identifiers)
    out.push(`- ${i.kind} ${i.value} : ${i.ads.length} annonce(s), du ${i.firstSeen} au ${i.lastSeen}`);
  return `${out.join('\n')}\n`;
}
