import type { ledgerEn } from './texts.en.ts';

/** Las palabras de la sección del registro verificable en la página de la persona (español). */
export const ledgerEs: Record<keyof typeof ledgerEn, string> = {
  'proofs.title': 'Entradas del registro verificable y sus pruebas',
  'proofs.intro':
    'Cada entrada del registro verificable sobre esta persona que usted puede ver, con la prueba de que está en el registro. Puede comprobar cada prueba por su cuenta, sin fiarse de esta instalación.',
  'proofs.witnessed':
    'Pruebas frente al punto de control de {size} entradas, cofirmado por al menos {quorum} testigo(s) independiente(s).',
  'proofs.notWitnessed':
    'Aún no hay ningún punto de control atestiguado: estas pruebas son frente al último punto de control firmado, de {size} entradas, que ningún testigo ha cofirmado. Vuelva cuando un testigo haya cofirmado uno.',
  'proofs.newer':
    '{n} entradas son posteriores a este punto de control: sus pruebas llegarán con el próximo punto de control atestiguado.',
  'proofs.none': 'El registro verificable no tiene ninguna entrada sobre esta persona que usted pueda ver.',
  'proofs.status': '{n} entradas del registro verificable sobre esta persona.',
  'proofs.caption':
    'Entradas del registro verificable sobre esta persona, de la más antigua a la más reciente',
  'proofs.index': 'Índice',
  'proofs.type': 'Evento',
  'proofs.recordedAt': 'Registrada',
  'proofs.leafHash': 'Hash de hoja (SHA-256)',
  'proofs.proof': 'Prueba',
  'proofs.downloadEntry': 'Prueba de la entrada {index} (JSON)',
  'proofs.notYet': 'Con el próximo punto de control',
  'proofs.downloadAll': 'Descargar todas las pruebas (JSON)',
  'proofs.downloadNote': 'Descargar el punto de control (nota firmada)',
  'proofs.verifyTitle': 'Cómo comprobar una prueba por su cuenta',
  'proofs.verify1':
    'Obtenga la clave de verificación de la instalación en la propia instalación (/api/v1/public/verifier-key, o custodia ledger key), y la clave de cada testigo de quien lo opera. No tome las claves de esta página.',
  'proofs.verify2':
    'Compruebe el punto de control: su firma con la clave de la instalación y cada cofirma con la clave de su testigo (C2SP signed-note y tlog-cosignature; el paquete golang.org/x/mod/sumdb/note de Go lo abre).',
  'proofs.verify3':
    'Para cada entrada, calcule la raíz a partir de su hash de hoja y su prueba como indica el RFC 9162, sección 2.1.3.2 (proof.VerifyInclusion de transparency-dev/merkle lo hace) y compárela con la raíz del punto de control.',
  'proofs.verify4':
    'El texto de la entrada no se muestra aquí: puede contener datos que su rol no puede ver. Quien lo tenga (de la exportación de la instalación) comprueba que el SHA-256 de un byte cero seguido del texto es el hash de hoja.',
  'proofs.verify5':
    'Más adelante, compruebe que un punto de control más reciente extiende este: las teselas públicas de hashes (/tlog/tile) dan la prueba de consistencia. El archivo test/independent/person_proofs_checker.py del repositorio comprueba un archivo descargado solo con la biblioteca estándar de Python.',
};
