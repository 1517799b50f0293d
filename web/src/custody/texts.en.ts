import { complianceTextsEn } from './compliance-texts.en.ts';
import { incidentTextsEn } from './incident-texts.en.ts';
import { regimeTextsEn } from './regime-texts.en.ts';

/** The regime log, incident and compliance pages' words (English), one table per page family. */
export const standardsEn = { ...regimeTextsEn, ...incidentTextsEn, ...complianceTextsEn } as const;
