import type { familyEn } from './texts.en.ts';

/** The family view's words (Spanish). */
export const familyEs: Record<keyof typeof familyEn, string> = {
  'family.title': 'Dónde está su familiar',
  'family.intro':
    'Lo que el localizador público responde sobre la persona de la que usted es contacto verificado: su situación de custodia, desde cuándo, y el centro con su dirección. La celda nunca se muestra.',
  'family.notFound':
    'Su cuenta no está vinculada a ninguna persona. Pida al administrador que la creó que revise su contacto familiar.',
  'family.hearing': 'Próxima audiencia',
  'family.hearingIntro':
    'La próxima audiencia programada para su familiar, por videoenlace desde el centro. Su abogado puede informarle más sobre el caso.',
  'family.noHearing': 'No hay ninguna audiencia programada.',
  'family.may.hearing': 'ver la próxima audiencia de su familiar',
  'family.facilityTime': 'Fecha y hora del centro',
  'family.courtTime': 'Fecha y hora del tribunal',
};
