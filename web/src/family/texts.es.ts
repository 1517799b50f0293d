import type { familyEn } from './texts.en.ts';

/** The family view's words (Spanish). */
export const familyEs: Record<keyof typeof familyEn, string> = {
  'family.title': 'Dónde está su familiar',
  'family.intro':
    'Lo que el localizador público responde sobre la persona de la que usted es contacto verificado: su situación de custodia, desde cuándo, y el centro con su dirección. La celda nunca se muestra.',
  'family.notFound':
    'Su cuenta no está vinculada a ninguna persona. Pida al administrador que la creó que revise su contacto familiar.',
};
