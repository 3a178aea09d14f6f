import type { IndicatorCategory } from '../../../src/core/types.ts';

/** Indicator categories in display order (core's IndicatorCategory; the type check keeps them in step). */
export const INDICATOR_CATEGORIES = [
  'minor',
  'control',
  'recruitment',
  'obscured_contact',
  'movement',
  'lodging',
  'trust',
  'ethnicity',
] as const satisfies readonly IndicatorCategory[];

/** The category of an indicator code (`minor.new_girl` → `minor`). */
export function categoryOf(code: string): string {
  const i = code.indexOf('.');
  return i < 0 ? code : code.slice(0, i);
}

/** Distinct categories of a list of codes, in display order. */
export function categoriesOf(codes: readonly string[] | undefined): string[] {
  const set = new Set((codes ?? []).map(categoryOf));
  const known = INDICATOR_CATEGORIES.filter((c) => set.has(c));
  return [
    ...known,
    ...[...set].filter((c) => !(INDICATOR_CATEGORIES as readonly string[]).includes(c)).sort(),
  ];
}

/** Indicator codes known to the lexicons, grouped for the filter picker. */
export const INDICATOR_CODES: Record<string, readonly string[]> = {
  minor: [
    'minor.new_girl',
    'minor.just_adult',
    'minor.claimed_18',
    'minor.youth_words',
    'minor.youth_emoji',
    'minor.childlike',
    'minor.school',
    'minor.self_label',
  ],
  control: [
    'control.third_person',
    'control.manager',
    'control.our_girls',
    'control.multiple_people',
    'control.price_set_by_other',
    'control.crown_emoji',
  ],
  recruitment: [
    'recruitment.hiring',
    'recruitment.earnings',
    'recruitment.no_experience',
    'recruitment.travel_paid',
    'recruitment.lodging_security',
    'recruitment.pack',
    'recruitment.plans_sous',
  ],
  obscured_contact: ['obscured_contact.instructions'],
  movement: ['movement.new_in_town', 'movement.passing_through', 'movement.tour', 'movement.last_days'],
  lodging: ['lodging.hotel', 'lodging.short_rental'],
  trust: ['trust.real_photos', 'trust.discretion', 'trust.professional', 'trust.hygiene'],
  ethnicity: ['ethnicity.stated'],
};
