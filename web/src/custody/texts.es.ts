import { complianceTextsEs } from './compliance-texts.es.ts';
import { incidentTextsEs } from './incident-texts.es.ts';
import { isolationTextsEs } from './isolation-texts.es.ts';
import { regimeTextsEs } from './regime-texts.es.ts';
import type { standardsEn } from './texts.en.ts';

/** The regime log, incident and compliance pages' words (Spanish): exactly the keys of the English table. */
export const standardsEs: Record<keyof typeof standardsEn, string> = {
  ...regimeTextsEs,
  ...incidentTextsEs,
  ...isolationTextsEs,
  ...complianceTextsEs,
};
