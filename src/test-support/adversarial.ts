/**
 * About 1 MB each of hostile text (long digit runs, separator floods, emoji floods, nested parentheses,
 * repeated cue words): the analysis robustness test and its benchmark run the same inputs.
 */
export const ADVERSARIAL_TEXTS: Readonly<Record<string, string>> = {
  digits: '0123456789'.repeat(100_000),
  spacedDigits: '06 '.repeat(333_333),
  separators: '-./ '.repeat(250_000),
  emoji: '🍭🔞👑'.repeat(170_000),
  parentheses: '('.repeat(500_000) + ')'.repeat(500_000),
  placeWords: 'saint la le de passage à '.repeat(40_000),
  ages: '19 ans '.repeat(140_000),
  prices: '1h 150 roses '.repeat(80_000),
  gaps: 'gagne gagne gagne par '.repeat(45_000),
  names: "je m'appelle Léa ".repeat(60_000),
};
