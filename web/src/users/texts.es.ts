import type { usersEn } from './texts.en.ts';

/** The users page's words (Spanish): exactly the keys of the English table. */
export const usersEs: Record<keyof typeof usersEn, string> = {
  'nav.users': 'Usuarios',
  'users.title': 'Usuarios',
  'users.intro':
    'Todas las personas que pueden iniciar sesión, con su rol y si pueden hacerlo. Deshabilitar a un usuario cierra sus sesiones y revoca sus tokens de la API en el acto; cada cambio queda anotado en el registro verificable.',
  'users.caption': 'Usuarios, sus roles y su estado',
  'users.none': 'Todavía no hay usuarios.',
  'users.name': 'Usuario',
  'users.role': 'Rol',
  'users.status': 'Estado',
  'users.lastSignIn': 'Último inicio de sesión',
  'users.sessions': 'Sesiones',
  'users.tokens': 'Tokens de la API',
  'users.actions': 'Acciones',
  'users.never': 'Nunca',
  'users.you': '(usted)',
  'users.manage': 'Gestionar',
  'users.status.enabled': 'Habilitado',
  'users.status.disabled': 'Deshabilitado',
  'users.status.mustChange': 'Debe establecer una contraseña nueva',
  'users.disabledSince': 'desde el {date}',
  'users.manageTitle': 'Gestionar a {name}',
  'users.close': 'Cerrar',
  'users.access': 'Acceso',
  'users.accessEnabled':
    '{name} puede iniciar sesión: {sessions} sesiones abiertas y {tokens} tokens de la API vigentes.',
  'users.accessDisabled': '{name} está deshabilitado y no puede iniciar sesión.',
  'users.disable': 'Deshabilitar al usuario',
  'users.enable': 'Habilitar al usuario',
  'users.confirmDisable':
    '¿Deshabilitar a {name}? Sus sesiones se cierran y sus tokens de la API se revocan en el acto; no podrá iniciar sesión hasta que se le vuelva a habilitar.',
  'users.confirmEnable':
    '¿Habilitar a {name}? Podrá volver a iniciar sesión; sus tokens de la API revocados siguen revocados.',
  'users.yesDisable': 'Sí, deshabilitar a {name}',
  'users.yesEnable': 'Sí, habilitar a {name}',
  'users.disabled':
    '{name} está deshabilitado; sus sesiones se cerraron y sus tokens de la API están revocados.',
  'users.enabled': '{name} está habilitado.',
  'users.newRole': 'Rol nuevo',
  'users.changeRole': 'Cambiar el rol',
  'users.sameRole': 'Elija un rol distinto del que ya tiene {name}.',
  'users.confirmRole':
    '¿Cambiar el rol de {name} de {from} a {to}? Se aplica en el acto, también a sus sesiones abiertas.',
  'users.yesRole': 'Sí, cambiar el rol',
  'users.roleChanged': '{name} tiene ahora el rol {role}.',
  'users.password': 'Contraseña',
  'users.passwordIntro':
    'Al restablecerla se obtiene una contraseña de un solo uso, que se muestra una sola vez. Abre una sesión, en la que {name} debe establecer una contraseña nueva antes de cualquier otra cosa.',
  'users.resetPassword': 'Restablecer la contraseña',
  'users.confirmReset':
    '¿Restablecer la contraseña de {name}? Sus sesiones se cierran y su contraseña actual deja de servir.',
  'users.yesReset': 'Sí, restablecer la contraseña',
  'users.resetDone': 'La contraseña de {name} está restablecida.',
  'users.oneTimeTitle': 'Contraseña de un solo uso de {name}',
  'users.oneTimeNote':
    'Se muestra solo esta vez y no se guarda: entréguesela a {name} en persona o por un canal de confianza. Abre una sesión, en la que deberá establecer una contraseña nueva.',
  'users.oneTimeLabel': 'Contraseña de un solo uso',
  'users.oneTimeDone': 'Ya la he entregado: ocultarla',
  'users.parties': 'Partes',
  'users.noParties': 'Ninguna',
  'users.partiesLink': 'Ver y registrar las partes por las que actúan los usuarios',
  'users.add': 'Añadir un usuario',
  'users.nameHint': 'De 2 a 64 minúsculas, dígitos, puntos, guiones o guiones bajos, p. ej. ana.lopez',
  'users.nameInvalid':
    'Un nombre de usuario tiene de 2 a 64 minúsculas, dígitos, puntos, guiones o guiones bajos.',
  'users.chooseRole': 'Elija un rol',
  'users.roleRequired': 'Elija el rol.',
  'users.party': 'Parte por la que actúa',
  'users.noParty': 'Ninguna parte',
  'users.partiesSeveral': 'Tribunales por los que actúa',
  'users.partyRequired': 'Este rol solo actúa por su parte: elija una.',
  'users.addSubmit': 'Añadir usuario',
  'users.added': '{name} ha quedado añadido.',
  'users.cancel': 'Cancelar',
  'users.working': 'Procesando…',
};
