import type { authEn } from './texts.en.ts';

/** The sign-in page's words (Spanish): exactly the keys of the English table. */
export const authEs: Record<keyof typeof authEn, string> = {
  'login.title': 'Iniciar sesión',
  'login.intro': 'Inicie sesión con el nombre de usuario y la contraseña que le dio su administrador.',
  'login.name': 'Nombre de usuario',
  'login.password': 'Contraseña',
  'login.showPassword': 'Mostrar la contraseña',
  'login.submit': 'Iniciar sesión',
  'login.submitting': 'Iniciando sesión…',
  'login.failed': 'No se pudo iniciar sesión',
  'login.missing': 'Escriba su nombre de usuario y su contraseña.',
  'login.signedOut': 'Ha cerrado la sesión.',
  'login.expired': 'Su sesión ha terminado. Vuelva a iniciar sesión para continuar.',
};
