import { type ExpressionBuilder, sql } from 'kysely';
import type { Backend, Schema } from '../../store/database.ts';
import { parseAnalysis } from '../ads/present.ts';

/** Categories whose ads are about people offering themselves (configurable via the `outreach_categories` setting). */
export const DEFAULT_OUTREACH_CATEGORIES = ['escort', 'massage'];
/** An ad that reads as a recruitment offer is not a person to reach out to. */
const RECRUITMENT_CUTOFF = 0.5;

/** Whether an ad belongs to the outreach queue: a phone to call, not a recruiter, about a person. */
export function inQueue(categories: string[]) {
  return (eb: ExpressionBuilder<Schema, 'ads'>) =>
    eb.and([
      eb('ads.deleted_at', 'is', null),
      eb('ads.score_recruitment', '<', RECRUITMENT_CUTOFF),
      eb('ads.id', 'in', eb.selectFrom('ad_identifiers').select('ad_id').where('kind', '=', 'phone')),
      eb.or([
        eb('ads.category', 'in', categories),
        eb('ads.score_minor', '>=', 0.3),
        eb('ads.score_control', '>=', 0.3),
      ]),
    ]);
}

/** Why a message might land with a controller rather than the person in the ad. */
export interface ControllerWarning {
  mayReachController: boolean;
  reasons: {
    code: 'phone_shared_by_personas' | 'third_person_wording' | 'high_control_score';
    detail: string;
  }[];
}

const SHARED_NAMES = 2;

/**
 * "May reach a controller": the phone appears in ads with several different names (one phone for
 * several women), or the ad speaks for someone else (control indicators), or its control score is high.
 */
export async function controllerWarnings(
  b: Backend,
  ads: { id: number; score_control: number; analysis: string | null }[],
): Promise<Map<number, ControllerWarning>> {
  const phonesOf = new Map<number, string[]>();
  for (const a of ads)
    phonesOf.set(a.id, parseAnalysis(a.analysis)?.extraction.phones.map((p) => p.e164) ?? []);
  const allPhones = [...new Set([...phonesOf.values()].flat())];
  const namesByPhone = new Map<string, Set<string>>();
  const adsByPhone = new Map<string, number>();
  if (allPhones.length > 0) {
    const rows = await b.db
      .selectFrom('ad_identifiers as i')
      .innerJoin('ads', 'ads.id', 'i.ad_id')
      .select(['i.value', 'ads.analysis'])
      .where('i.kind', '=', 'phone')
      .where('i.value', 'in', allPhones)
      .limit(5000)
      .execute();
    for (const r of rows) {
      adsByPhone.set(r.value, (adsByPhone.get(r.value) ?? 0) + 1);
      const names = namesByPhone.get(r.value) ?? new Set<string>();
      for (const n of parseAnalysis(r.analysis)?.extraction.names ?? []) names.add(n.name.toLowerCase());
      namesByPhone.set(r.value, names);
    }
  }
  const out = new Map<number, ControllerWarning>();
  for (const a of ads) {
    const reasons: ControllerWarning['reasons'] = [];
    for (const p of phonesOf.get(a.id) ?? []) {
      const names = namesByPhone.get(p);
      if (names && names.size >= SHARED_NAMES) {
        reasons.push({
          code: 'phone_shared_by_personas',
          detail: `${p} appears in ${adsByPhone.get(p)} ads under ${names.size} different names`,
        });
      }
    }
    const control = parseAnalysis(a.analysis)?.indicators.filter((i) => i.category === 'control') ?? [];
    if (control.length > 0)
      reasons.push({
        code: 'third_person_wording',
        detail: [...new Set(control.map((i) => i.code))].join(', '),
      });
    if (a.score_control >= 0.5)
      reasons.push({ code: 'high_control_score', detail: `control score ${a.score_control.toFixed(2)}` });
    out.set(a.id, { mayReachController: reasons.length > 0, reasons });
  }
  return out;
}

/** Contact attempts per ad: how many, and the last outcome. */
export async function contactSummary(b: Backend, ids: number[]) {
  const out = new Map<number, { attempts: number; lastOutcome: string | null; lastAt: string | null }>();
  if (ids.length === 0) return out;
  const rows = await b.db
    .selectFrom('outreach_log')
    .select(['ad_id', 'outcome', 'created_at'])
    .where('ad_id', 'in', ids)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const e = out.get(r.ad_id) ?? { attempts: 0, lastOutcome: null, lastAt: null };
    out.set(r.ad_id, { attempts: e.attempts + 1, lastOutcome: r.outcome, lastAt: r.created_at });
  }
  return out;
}

export const countAll = sql<number | string>`count(*)`;
