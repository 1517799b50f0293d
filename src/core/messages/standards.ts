import type { Words } from './format.js';

/**
 * The standards of the compliance monitor in words, as the web's compliance page names them: each rule's
 * title, what it requires and its legal source, in English and Spanish. The PDF report prints these
 * rather than the rules' ids.
 */

/** Each rule's title. */
export const RULE_TITLES: Words = {
  'outdoor-exercise': { en: 'Outdoor exercise', es: 'Ejercicio al aire libre' },
  lighting: { en: 'Lighting', es: 'Iluminación' },
  bedding: { en: 'Bed and bedding', es: 'Cama y ropa de cama' },
  'drinking-water': { en: 'Drinking water', es: 'Agua potable' },
  'floor-space': { en: 'Floor space', es: 'Espacio por persona' },
  'family-contact': { en: 'Family contact', es: 'Contacto con la familia' },
  'legal-access': { en: 'Legal access', es: 'Acceso a un abogado' },
  'access-to-courts': { en: 'Access to courts', es: 'Acceso a los tribunales' },
  'transfer-notification': { en: 'Notification of the transfer', es: 'Notificación del traslado' },
  'death-notification': { en: 'Notification of a death', es: 'Notificación de una muerte' },
  'isolation-limit': { en: 'Isolation limit', es: 'Límite del aislamiento' },
  'consular-notification': { en: 'Consular notification', es: 'Notificación consular' },
};

/** What each rule requires, as a sentence. */
export const RULE_REQUIREMENTS: Words = {
  'outdoor-exercise': {
    en: 'At least 60 minutes of outdoor exercise every day.',
    es: 'Al menos 60 minutos de ejercicio al aire libre cada día.',
  },
  lighting: {
    en: 'Cells are not lit constantly at night.',
    es: 'Las celdas no están iluminadas constantemente de noche.',
  },
  bedding: {
    en: 'A separate bed with its own bedding for each person.',
    es: 'Una cama individual con su propia ropa de cama para cada persona.',
  },
  'drinking-water': {
    en: 'At least 3 L of drinking water per person per day available.',
    es: 'Al menos 3 L de agua potable disponibles por persona y día.',
  },
  'floor-space': {
    en: 'At least 4 m² per person in a shared cell, the toilet area excluded.',
    es: 'Al menos 4 m² por persona en una celda compartida, sin contar la zona del inodoro.',
  },
  'family-contact': {
    en: 'Contact with family at least every 30 days.',
    es: 'Contacto con la familia al menos cada 30 días.',
  },
  'legal-access': {
    en: 'A requested legal visit is held within 7 days.',
    es: 'Una visita de abogado solicitada se realiza en un plazo de 7 días.',
  },
  'access-to-courts': {
    en: 'A person is produced at each video-link hearing, and not repeatedly not produced.',
    es: 'La persona comparece en cada audiencia por videoenlace, sin no comparecencias repetidas.',
  },
  'transfer-notification': {
    en: 'Family notified within 24 hours of intake.',
    es: 'La familia es notificada en las 24 horas siguientes al ingreso.',
  },
  'death-notification': {
    en: 'Next of kin told at once (within 24 hours) and an independent authority without delay (within 24 hours).',
    es: 'Los familiares, informados de inmediato (en 24 horas), y una autoridad independiente, sin demora (en 24 horas).',
  },
  'isolation-limit': {
    en: 'Isolation for no more than 15 consecutive days, and never in a dark or constantly lit cell.',
    es: 'Aislamiento durante no más de 15 días consecutivos, y nunca en una celda oscura o iluminada constantemente.',
  },
  'consular-notification': {
    en: "A foreign national's consulate is told without delay (within 72 hours) after intake, unless they object.",
    es: 'El consulado de una persona extranjera es informado sin demora (en 72 horas) tras el ingreso, salvo que ella se oponga.',
  },
};

/** Each rule's legal source, as it is cited in each language. */
export const RULE_SOURCES: Words = {
  'outdoor-exercise': { en: 'Mandela Rule 23', es: 'Regla 23 de Mandela' },
  lighting: { en: 'Mandela Rules 14, 43', es: 'Reglas 14 y 43 de Mandela' },
  bedding: { en: 'Mandela Rule 21', es: 'Regla 21 de Mandela' },
  'drinking-water': {
    en: 'Mandela Rule 22; ICRC guidance',
    es: 'Regla 22 de Mandela; orientaciones del CICR',
  },
  'floor-space': { en: 'CPT standards (2015)', es: 'Normas del CPT (2015)' },
  'family-contact': { en: 'Mandela Rule 58', es: 'Regla 58 de Mandela' },
  'legal-access': { en: 'Mandela Rule 61', es: 'Regla 61 de Mandela' },
  'access-to-courts': {
    en: 'Mandela Rule 61; ICCPR Art. 14(3)(d)',
    es: 'Regla 61 de Mandela; PIDCP art. 14.3.d',
  },
  'transfer-notification': { en: 'Mandela Rule 68', es: 'Regla 68 de Mandela' },
  'death-notification': { en: 'Mandela Rules 69, 71', es: 'Reglas 69 y 71 de Mandela' },
  'isolation-limit': { en: 'Mandela Rules 43–45', es: 'Reglas 43 a 45 de Mandela' },
  'consular-notification': {
    en: 'VCCR Art. 36(1)(b); Mandela Rule 62',
    es: 'CVRC art. 36(1)(b); Regla 62 de Mandela',
  },
};
