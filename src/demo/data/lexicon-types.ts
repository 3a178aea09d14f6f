/**
 * Sentence pools the demo corpus draws ads from. Slots: {name} {age} {city} {city2} {city3} {p30} {p60}
 * {phone} {day}. Wording is deliberately mild and non-explicit (no sexual description anywhere).
 * "First" pools speak as the person herself, "third" pools speak about her (third-party wording).
 */
export interface EscortLexicon {
  names: string[];
  titles: string[];
  titlesThird: string[];
  greetFirst: string[];
  greetThird: string[];
  describe: string[];
  offerFirst: string[];
  offerThird: string[];
  placeFirst: string[];
  placeThird: string[];
  movement: string[];
  tour: string[];
  hours: string[];
  price: string[];
  contactFirst: string[];
  contactThird: string[];
  closing: string[];
  /** Youth wording of the kind studies flag for minors ("petite nouvelle", 🍭, "tout juste majeure"). */
  youth: string[];
  /** Words adults use too ("jeune", "étudiante"): keeps youth scores from being trivial. */
  youngAdult: string[];
  /** Trust / professionalism wording. */
  trust: string[];
  independent: string[];
  /** Several people / someone else organising ("nos filles", "deux amies dispo"). */
  group: string[];
  ageLine: string[];
  /** Small edits a template undergoes from ad to ad: [from, to]. */
  substitutions: [string, string][];
}

export interface RecruitmentLexicon {
  titles: string[];
  lines: string[];
  contact: string[];
}

export interface NoiseLexicon {
  cars: string[];
  flats: string[];
  jobs: string[];
  furniture: string[];
  electronics: string[];
  contact: string[];
}
