import type { partiesEn } from './texts.en.ts';

/** The parties page's words (Spanish). */
export const partiesEs: Record<keyof typeof partiesEn, string> = {
  'nav.parties': 'Partes',
  'parties.title': 'Partes',
  'parties.intro':
    'Cada usuario actúa por una parte: una agencia, un tribunal, un despacho de abogados, un organismo de supervisión, un contacto familiar verificado o la instalación. Lo que un rol puede ver se limita a las personas y los casos de su parte.',
  'parties.caption': 'Partes del tipo elegido',
  'parties.kindFilter': 'Tipo',
  'parties.allKinds': 'Todos los tipos',
  'parties.chooseKind': 'Elija un tipo',
  'parties.code': 'Código',
  'parties.name': 'Nombre',
  'parties.kind': 'Tipo',
  'parties.none': 'No hay ninguna parte registrada de este tipo.',
  'parties.register': 'Registrar una parte',
  'parties.codeHint': 'Breve y único; el código de un tribunal es el que llevan sus órdenes, p. ej. D.D.C.',
  'parties.nameHint': 'El nombre completo; si lo deja vacío se usa el código.',
  'parties.personRef': 'Referencia de la persona',
  'parties.personRefHint':
    'La referencia de la agencia remitente de la única persona para la que está verificado este contacto familiar.',
  'parties.agreement': 'Acuerdo',
  'parties.agreementHint': 'El código o el identificador del acuerdo.',
  'parties.submit': 'Registrar parte',
  'parties.registered': '{code} ha quedado registrada.',
  'parties.kindRequired': 'Elija el tipo de parte.',
  'parties.codeRequired': 'Escriba un código.',
  'parties.codeInvalid':
    "Un código tiene de 1 a 80 letras, dígitos, espacios o . , & ' ( ) / -, y empieza por una letra o un dígito.",
  'parties.personRequired':
    'Un contacto familiar está verificado para una sola persona: escriba su referencia y su acuerdo.',
  'partyKind.installation': 'Instalación',
  'partyKind.sending_agency': 'Agencia remitente',
  'partyKind.receiving_agency': 'Agencia receptora',
  'partyKind.court': 'Tribunal',
  'partyKind.law_office': 'Despacho de abogados',
  'partyKind.monitoring_body': 'Organismo de supervisión',
  'partyKind.family_contact': 'Contacto familiar',
};
