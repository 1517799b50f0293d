// The standards the compliance monitor judges (docs/domain.md, Standards compliance): each rule with its requirement in
// English and Spanish and its legal source. compliance.ts judges them and re-exports this table.
import { CONSULAR_NOTIFICATION } from './consular.js';

/** The rules, in docs/domain.md's order, with what each requires (in English and Spanish) and its source. */
export const STANDARDS = [
  {
    id: 'outdoor-exercise',
    requirement: '≥ 60 min outdoor exercise daily',
    requirementEs: '≥ 60 min de ejercicio al aire libre al día',
    source: 'Mandela Rule 23',
  },
  {
    id: 'lighting',
    requirement: 'cells not lit constantly at night',
    requirementEs: 'celdas sin iluminación constante de noche',
    source: 'Mandela Rules 14, 43',
  },
  {
    id: 'bedding',
    requirement: 'separate bed with bedding',
    requirementEs: 'cama individual con ropa de cama',
    source: 'Mandela Rule 21',
  },
  {
    id: 'drinking-water',
    requirement: '≥ 3 L per person per day available',
    requirementEs: '≥ 3 L por persona al día disponibles',
    source: 'Mandela Rule 22; ICRC guidance',
  },
  {
    id: 'floor-space',
    requirement: '≥ 4 m² per person in a shared cell (toilet area excluded)',
    requirementEs: '≥ 4 m² por persona en celda compartida (sin contar el sanitario)',
    source: 'CPT standards (2015)',
  },
  {
    id: 'family-contact',
    requirement: 'contact with family at least every 30 days',
    requirementEs: 'contacto con la familia al menos cada 30 días',
    source: 'Mandela Rule 58',
  },
  {
    id: 'legal-access',
    requirement: 'a requested legal visit held within 7 days',
    requirementEs: 'visita legal solicitada celebrada en 7 días',
    source: 'Mandela Rule 61',
  },
  {
    id: 'access-to-courts',
    requirement: 'a person is produced at each video-link hearing, not repeatedly not produced',
    requirementEs: 'la persona comparece en cada audiencia por videoenlace, sin no comparecencias repetidas',
    source: 'Mandela Rule 61; ICCPR Art. 14(3)(d)',
  },
  {
    id: 'transfer-notification',
    requirement: 'family notified within 24 h of intake',
    requirementEs: 'familia notificada en 24 h desde el ingreso',
    source: 'Mandela Rule 68',
  },
  {
    id: 'death-notification',
    requirement: 'next of kin at once (≤ 24 h); independent authority without delay (≤ 24 h)',
    requirementEs: 'familiares de inmediato (≤ 24 h); autoridad independiente sin demora (≤ 24 h)',
    source: 'Mandela Rules 69, 71',
  },
  {
    id: 'isolation-limit',
    requirement: 'isolation ≤ 15 consecutive days, never in a dark or constantly lit cell',
    requirementEs: 'aislamiento ≤ 15 días consecutivos, nunca en celda oscura o iluminada constantemente',
    source: 'Mandela Rules 43–45',
  },
  {
    id: 'consular-notification',
    requirement: "a foreign national's consulate told without delay after intake, unless they object",
    requirementEs: 'el consulado de un extranjero, informado sin demora tras el ingreso, salvo que se oponga',
    source: CONSULAR_NOTIFICATION.source,
  },
] as const;
export type StandardId = (typeof STANDARDS)[number]['id'];
