import { complianceTextsEn } from './compliance-texts.en.ts';
import { incidentTextsEn } from './incident-texts.en.ts';
import { isolationTextsEn } from './isolation-texts.en.ts';
import { regimeTextsEn } from './regime-texts.en.ts';

/** The regime log, incident, isolation and compliance pages' words (English), one table per page family. */
export const standardsEn = {
  ...regimeTextsEn,
  ...incidentTextsEn,
  ...isolationTextsEn,
  ...complianceTextsEn,
} as const;
