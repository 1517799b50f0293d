import type { authEn } from './texts.en.ts';

/** The sign-in and set-a-new-password pages' words (Spanish): exactly the keys of the English table. */
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
  'password.title': 'Establezca una contraseña nueva',
  'password.intro':
    'Ha iniciado sesión como {name} con una contraseña de un solo uso. Establezca una contraseña propia para continuar; la de un solo uso no volverá a servir.',
  'password.new': 'Contraseña nueva',
  'password.hint':
    'Al menos {min} caracteres. Unas cuantas palabras sin relación entre sí dan una buena contraseña.',
  'password.repeat': 'Repita la contraseña nueva',
  'password.save': 'Establecer la contraseña',
  'password.saving': 'Estableciendo la contraseña…',
  'password.failed': 'No se estableció la contraseña',
  'password.tooShort': 'La contraseña necesita al menos {min} caracteres.',
  'password.tooLong': 'La contraseña puede tener como máximo {max} caracteres.',
  'password.mismatch': 'Las dos contraseñas no coinciden: escriba la misma contraseña dos veces.',
};
