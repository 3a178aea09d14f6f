/**
 * The lexicon files shipped in data/lexicons/. Adding a language = adding its files there and one import
 * line per file here (core stays free of file-system access); a test checks that none is forgotten.
 */
import enContext from '../../../data/lexicons/en/context.json' with { type: 'json' };
import enControl from '../../../data/lexicons/en/control.json' with { type: 'json' };
import enMinor from '../../../data/lexicons/en/minor.json' with { type: 'json' };
import enRecruitment from '../../../data/lexicons/en/recruitment.json' with { type: 'json' };
import esIndicators from '../../../data/lexicons/es/indicators.json' with { type: 'json' };
import frContext from '../../../data/lexicons/fr/context.json' with { type: 'json' };
import frControl from '../../../data/lexicons/fr/control.json' with { type: 'json' };
import frMinor from '../../../data/lexicons/fr/minor.json' with { type: 'json' };
import frRecruitment from '../../../data/lexicons/fr/recruitment.json' with { type: 'json' };
import roIndicators from '../../../data/lexicons/ro/indicators.json' with { type: 'json' };

/** Path (relative to data/lexicons/) → parsed JSON, not yet validated. */
export const LEXICON_FILES: Record<string, unknown> = {
  'fr/minor.json': frMinor,
  'fr/control.json': frControl,
  'fr/recruitment.json': frRecruitment,
  'fr/context.json': frContext,
  'en/minor.json': enMinor,
  'en/control.json': enControl,
  'en/recruitment.json': enRecruitment,
  'en/context.json': enContext,
  'es/indicators.json': esIndicators,
  'ro/indicators.json': roIndicators,
};
