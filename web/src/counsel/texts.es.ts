import type { counselEn } from './texts.en.ts';

/** The counsel home's words (Spanish). */
export const counselEs: Record<keyof typeof counselEn, string> = {
  'counsel.title': 'Sus clientes y escritos',
  'counsel.intro':
    'Las personas a las que representa su despacho, con su situación de custodia, y los escritos de personación que usted presentó y que la asesoría jurídica del Estado remitente aún no ha confirmado.',
  'counsel.clients': 'Mis clientes',
  'counsel.clientsCaption': 'Sus clientes y su situación de custodia',
  'counsel.noClients':
    'Su despacho aún no representa a nadie. Un cliente aparece aquí cuando se registra una representación o se confirma su escrito de personación.',
  'counsel.statusLater':
    'Su situación de custodia se muestra aquí cuando su rol pueda consultar los expedientes de sus clientes.',
  'counsel.ref': 'Referencia',
  'counsel.name': 'Nombre',
  'counsel.ledger': 'Pruebas del registro',
  'counsel.ledgerLink': 'Entradas y pruebas de {ref}',
  'counsel.custody': 'Situación de custodia',
  'counsel.nextHearing': 'Próxima audiencia',
  'counsel.noHearing': 'Ninguna programada',
  'counsel.courtClock': '{time}, hora del tribunal',
  'counsel.facilityClock': '{time}, hora del centro',
  'counsel.visits': 'Solicitudes de visita legal',
  'counsel.noVisits': 'Ninguna pendiente',
  'counsel.visitWindow': 'Preferiblemente del {from} al {to}',
  'counsel.visitSlot': '{time}, sala {room}',
  'counsel.notLoaded': 'No se pudo cargar; vuelva a cargar la página.',
  'counsel.pending': 'Escritos de personación pendientes',
  'counsel.pendingCaption': 'Escritos de personación pendientes de confirmación',
  'counsel.noPending': 'No hay ningún escrito de personación pendiente de confirmación.',
  'counsel.from': 'Desde',
  'counsel.file': 'Presentar un escrito de personación',
  'counsel.fileIntro':
    'Su despacho representa a la persona desde la fecha indicada una vez que la asesoría jurídica del Estado remitente confirme el escrito.',
  'counsel.personRef': 'Referencia de la persona',
  'counsel.personRefHint': 'La referencia de la agencia remitente, p. ej. ICE-2025-000123',
  'counsel.agreement': 'Acuerdo',
  'counsel.agreementHint': 'El código o el identificador del acuerdo.',
  'counsel.fromDate': 'Representada desde',
  'counsel.submit': 'Presentar escrito de personación',
  'counsel.filed':
    'Su escrito de personación para {ref} está presentado; la asesoría jurídica del Estado remitente lo confirmará.',
  'counsel.refRequired': 'Escriba la referencia de la persona.',
  'counsel.agreementRequired': 'Escriba el acuerdo.',
  'counsel.fromRequired':
    'Escriba la fecha desde la que su despacho representa a la persona, como AAAA-MM-DD.',
  'counsel.may.people':
    'consultar los expedientes de sus clientes, sus evaluaciones con cada regla y su situación de custodia (nunca la celda)',
  'counsel.may.transfers': 'consultar los traslados de sus clientes',
  'counsel.may.hearings': 'consultar las audiencias por videoenlace de sus clientes',
  'counsel.may.visits': 'consultar las visitas legales de sus clientes',
  'counsel.may.proofs': 'consultar las entradas del registro verificable sobre sus clientes y sus pruebas',
};
