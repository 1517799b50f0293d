/**
 * The UI's words in English and Spanish. `en` defines the keys; `es` is typed as a record of exactly those
 * keys, so the compiler refuses a Spanish table that misses a key or adds one. Names of enumerated values
 * (legal statuses, conviction categories, …) are keys too, built as `group.value`, so a value the UI does
 * not know shows as itself rather than as nothing.
 */

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Where the chosen language is kept in the browser. */
export const LANG_STORAGE_KEY = 'custodia.lang';

const en = {
  'app.name': 'Custodia',
  'app.tagline': 'Custody agreement records',
  'app.skip': 'Skip to main content',
  'app.loading': 'Loading…',
  'app.footer': 'Every change is an event in a verifiable ledger.',

  'lang.switchTo': 'Español',

  'nav.label': 'Primary navigation',
  'nav.menu': 'Menu',
  'nav.close': 'Close menu',
  'nav.dashboard': 'Dashboard',
  'nav.people': 'People',
  'header.signedInAs': 'Signed in as {name}',
  'header.logout': 'Sign out',

  'error.title': 'This could not be loaded',
  'error.network': 'The server could not be reached. Check the connection and try again.',
  'error.retry': 'Try again',

  'common.yes': 'Yes',
  'common.no': 'No',
  'common.notRecorded': 'Not recorded',
  'common.date': 'Date',
  'common.type': 'Type',
  'common.court': 'Court',
  'common.case': 'Case',
  'common.status': 'Status',
  'common.source': 'Source',

  'login.title': 'Sign in',
  'login.intro': 'Sign in with the user name and password your administrator gave you.',
  'login.name': 'User name',
  'login.password': 'Password',
  'login.showPassword': 'Show password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.failed': 'Sign-in failed',
  'login.missing': 'Enter your user name and password.',
  'login.signedOut': 'You have signed out.',
  'login.expired': 'Your session has ended. Sign in again to continue.',

  'dashboard.title': 'Dashboard',
  'dashboard.agreements': 'Agreements',
  'dashboard.noAgreements': 'No agreement has been recorded yet.',
  'dashboard.facilities': 'Facilities',
  'dashboard.noFacilities': 'No facility has been recorded yet.',

  'agreement.code': 'Code',
  'agreement.status': 'Status',
  'agreement.parties': 'Sending → receiving state',
  'agreement.effectiveFrom': 'In force from',
  'agreement.bedAllotment': 'Bed allotment',
  'agreement.people': 'People registered',
  'agreement.viewPeople': 'View people under {code}',
  'agreementStatus.draft': 'Draft',
  'agreementStatus.in_force': 'In force',
  'agreementStatus.suspended': 'Suspended',
  'agreementStatus.terminated': 'Terminated',

  'facility.timeZone': 'Time zone: {zone}',
  'capacity.operational': 'Official (operational) capacity',
  'capacity.bunks': 'Bunks (physical beds)',
  'capacity.working': 'Working capacity',
  'capacity.occupancy': 'Occupancy',
  'capacity.transferees': 'Transferees',
  'capacity.local': 'Local population',
  'capacity.chartTitle': 'Capacity and occupancy of {facility}',
  'capacity.chartDesc':
    'Horizontal bars: official capacity {operational}, bunks {bunks}, working capacity {working}, occupancy {occupancy} ({transferees} transferees, {local} local).',
  'capacity.tableCaption': 'Capacity and occupancy of {facility}, in places',
  'capacity.measure': 'Measure',
  'capacity.places': 'Places',
  'capacity.ofBunks': 'Share of bunks',
  'capacity.overBunks':
    'The official capacity is {diff} places more than the bunks: {ratio} people per bunk if the facility were filled to it.',
  'capacity.withinBunks': 'The official capacity does not exceed the bunks.',
  'capacity.noBunks': 'No cells are recorded, so the official capacity cannot be compared with bunks.',
  'capacity.occupancyOfBunks': 'Occupancy is {pct} of the bunks.',
  'capacity.occupancyOverBunks': 'Occupancy exceeds the bunks by {diff} people.',

  'ledger.title': 'Ledger',
  'ledger.size': 'Events recorded',
  'ledger.origin': 'Log origin',
  'ledger.verifierKey': 'Verifier key',
  'ledger.checkpoint': 'Last signed checkpoint',
  'ledger.checkpointSize': 'Tree size',
  'ledger.root': 'Root hash',
  'ledger.signedAt': 'Signed at',
  'ledger.note': 'Show the full signed note',
  'ledger.since': '{n} events recorded since this checkpoint.',
  'ledger.noCheckpoint': 'No checkpoint has been signed yet.',

  'people.title': 'People',
  'people.agreement': 'Agreement',
  'people.searchLabel': 'Search people',
  'people.searchHint': 'Name, alias, reference or identifier',
  'people.searchButton': 'Search',
  'people.clear': 'Clear the search',
  'people.caption': 'People registered under {agreement}',
  'people.captionSearch': 'People under {agreement} matching “{q}”',
  'people.page': 'Page {page}',
  'people.status': '{n} people shown.',
  'people.none': 'No one is registered under this agreement.',
  'people.noneForSearch': 'No one matches “{q}”.',
  'people.noAgreement': 'There is no agreement to list people for.',
  'people.ref': 'Reference',
  'people.name': 'Name',
  'people.nationality': 'Nationality',
  'people.legalStatus': 'Legal status',
  'people.birthDate': 'Birth date',
  'pagination.label': 'Pages of results',
  'pagination.previous': 'Previous',
  'pagination.next': 'Next',
  'pagination.first': 'First page',

  'person.back': 'Back to people',
  'person.summary': 'Summary',
  'person.ref': 'Reference',
  'person.givenNames': 'Given names',
  'person.paternal': 'Paternal surname',
  'person.maternal': 'Maternal surname',
  'person.aliases': 'Aliases',
  'person.noAliases': 'No aliases recorded.',
  'person.birthDate': 'Birth date',
  'person.sex': 'Sex',
  'person.nationalities': 'Nationalities',
  'person.legalStatus': 'Legal status in the sending state',
  'person.version': 'Record version',
  'person.withdrawn': 'This person was withdrawn from the roster. Reason: {reason}',
  'person.activeHoldsOne': '1 active legal hold. No transfer may proceed while a hold is active.',
  'person.activeHoldsMany': '{n} active legal holds. No transfer may proceed while a hold is active.',
  'person.screen': 'Screen this person',

  'identifiers.title': 'Identifiers',
  'identifiers.none': 'No identifiers recorded.',
  'identifiers.value': 'Value',
  'identifiers.country': 'Issuing country',

  'verification.title': 'Identity verification',
  'verification.none': 'No identity verification is recorded: the identity is not verified.',
  'verification.method': 'Method',
  'verification.by': 'Verified by',

  'convictions.title': 'Convictions',
  'convictions.none': 'No convictions recorded.',
  'convictions.caption': 'Convictions, with their sentences',
  'convictions.offense': 'Offense',
  'convictions.courtCase': 'Court and case',
  'convictions.category': 'Category',
  'convictions.judgmentDate': 'Judgment date',
  'convictions.final': 'Finality',
  'convictions.finalYes': 'Final',
  'convictions.finalNo': 'Not final (appeal or review pending)',
  'convictions.sentence': 'Sentence',
  'convictions.start': 'Start',
  'convictions.credits': 'Credit days',
  'convictions.consecutiveTo': 'Consecutive to',
  'sentence.days': '{days} days (about {years} years)',
  'sentence.life': 'Life',
  'sentence.none': 'No sentence recorded',

  'pending.title': 'Pending charges',
  'pending.none': 'No pending charges.',
  'pending.note': 'A pending charge has no judgment. It is not a conviction.',
  'pending.caption': 'Pending charges',
  'pending.filed': 'Filed',

  'removal.title': 'Removal order',
  'removal.none': 'No removal order recorded.',
  'removal.final': 'Final',
  'removal.date': 'Date of the order',
  'removal.destination': 'Destination',

  'protections.title': 'Protections',
  'protections.none': 'No protections recorded.',
  'protections.caption': 'Protections against removal',
  'protections.country': 'Protects against',
  'protections.all': 'All countries',

  'consent.title': 'Treaty transfer',
  'consent.consent': 'Consent to a treaty transfer',
  'consent.none': 'No consent recorded.',
  'consent.verified': 'Verified by {by} on {date}. Once verified, consent cannot be withdrawn.',
  'consent.dualCriminality': 'Dual criminality',
  'consent.dualYes': 'Established',
  'consent.dualNo': 'Not established',

  'affiliations.title': 'Affiliations',
  'affiliations.note':
    'Affiliations inform housing separation only. No affiliation, on any basis, counts toward eligibility.',
  'affiliations.none': 'No affiliations recorded.',
  'affiliations.caption': 'Affiliations (housing separation only)',
  'affiliations.organization': 'Organization',
  'affiliations.basis': 'Basis',

  'holds.title': 'Legal holds',
  'holds.none': 'No legal holds recorded.',
  'holds.caption': 'Legal holds; active holds first',
  'holds.issued': 'Issued',
  'holds.active': 'Active',
  'holds.lifted': 'Lifted {date}',

  'notice.title': 'Notice of the transfer',
  'notice.none': 'Written notice of an intended transfer has not been served.',
  'notice.servedOn': 'Served on the person',
  'notice.counsel': 'Counsel notified',

  'screening.title': 'Eligibility screening',
  'screening.titleFor': 'Eligibility screening: {name}',
  'screening.back': 'Back to {name}',
  'screening.backPerson': 'Back to the person',
  'screening.intro':
    "The agreement's eligibility policy applied to this person's record as of the planned transfer date. It is computed when the page loads and kept only when recorded.",
  'screening.asOf': 'Planned transfer date',
  'screening.asOfHint': 'The screening is computed as of this date.',
  'screening.asOfMissing': 'Enter the planned transfer date.',
  'screening.refused': 'This person cannot be screened as of {date}',
  'screening.outcomeHeading': 'Outcome: {outcome}',
  'screening.explain.eligible': 'As of {date}, every rule passes or does not apply.',
  'screening.explain.pending': 'As of {date}, no rule fails, but these are still pending: {rules}.',
  'screening.explain.ineligible':
    'As of {date}, these rules fail: {rules}. One failing rule is enough to make a person ineligible.',
  'screening.announce': 'Screening as of {date}: {outcome}.',
  'screening.terms': "The agreement's terms",
  'screening.termsNote': 'What the receiving state accepts.',
  'screening.law': "The sending state's law",
  'screening.lawNote': 'What the sending state may lawfully do. No policy version may leave these rules out.',
  'screening.caption': '{layer}: the result of each rule',
  'screening.noRules': 'This policy version has no rules here.',
  'screening.rule': 'Rule',
  'screening.result': 'Result',
  'screening.reason': 'Reason',
  'screening.policy': 'Policy',
  'screening.policyVersion': '{policy}, version {version}',
  'screening.asOfDate': 'As of',
  'screening.personVersion': 'Record version screened',
  'screening.inputsHash': 'Inputs hash',
  'screening.hashNote':
    "The hash identifies the person's record, the policy and the date: the same person, policy and date always give the same result.",
  'screening.recorded': 'Last recorded screening',
  'screening.noneRecorded': 'No screening of this person has been recorded yet.',
  'screening.outcome': 'Outcome',
  'screening.recordedAt': 'Recorded at',
  'screening.recordedBy': 'Recorded by',
  'screening.versionChanged':
    "The person's record has changed since this screening was recorded (version {recorded} then, {now} now).",
  'screening.sameInputs': 'Its inputs hash is the same as the screening above.',
  'screening.record': 'Record this screening',
  'screening.recording': 'Recording…',
  'screening.recordNote':
    'Recording adds this screening to the ledger with the policy version, the record version and the inputs hash. A recorded screening is never changed.',
  'screening.recordedNow': 'Screening recorded: {outcome} as of {date}.',
  'screening.recordFailed': 'The screening was not recorded',

  'outcome.eligible': 'Eligible',
  'outcome.pending': 'Pending',
  'outcome.ineligible': 'Ineligible',

  'ruleResult.pass': 'Pass',
  'ruleResult.fail': 'Fail',
  'ruleResult.pending': 'Pending',
  'ruleResult.not_applicable': 'Not applicable',

  'rule.convicted': 'Convicted (final judgment)',
  'rule.dangerous-offense': 'Convicted of a dangerous offense',
  'rule.remaining-sentence': 'Enough of the sentence left to serve',
  'rule.not-citizen': 'Not a citizen of the sending state',
  'rule.lawful-pathway': 'A lawful pathway (treaty transfer or removal)',
  'rule.no-protection': 'No protection against removal',
  'rule.notice-period': 'Notice served in time',
  'rule.no-active-hold': 'No active legal hold',
  'rule.identity-verified': 'Identity verified',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address.',
  'notFound.personBody': 'No person has this identifier, or you may not see them.',
  'notFound.home': 'Go to the dashboard',

  'legalStatus.citizen': 'Citizen',
  'legalStatus.lawful_permanent_resident': 'Lawful permanent resident',
  'legalStatus.visa_holder': 'Visa holder',
  'legalStatus.asylum_seeker': 'Asylum seeker',
  'legalStatus.refugee': 'Refugee',
  'legalStatus.temporary_protected_status': 'Temporary protected status',
  'legalStatus.no_status': 'No status',

  'sex.M': 'Male',
  'sex.F': 'Female',
  'sex.X': 'Unspecified (X)',

  'identifierType.a_number': 'A-Number',
  'identifierType.fbi': 'FBI number',
  'identifierType.bop_register': 'BOP register number',
  'identifierType.usms': 'USMS number',
  'identifierType.sv_dui': 'Salvadoran DUI',
  'identifierType.passport': 'Passport',
  'identifierType.other': 'Other',

  'verificationMethod.biometric': 'Biometric match',
  'verificationMethod.two_identifiers': 'Two independent identifiers corroborated',

  'category.violent': 'Violent',
  'category.weapons': 'Weapons',
  'category.trafficking': 'Trafficking',
  'category.terrorism': 'Terrorism',
  'category.organized_crime': 'Organized crime',
  'category.sexual': 'Sexual',
  'category.property': 'Property',
  'category.drug_possession': 'Drug possession',
  'category.immigration': 'Immigration',
  'category.other': 'Other',

  'protectionType.withholding_of_removal': 'Withholding of removal',
  'protectionType.cat_withholding': 'Withholding under the Convention Against Torture',
  'protectionType.cat_deferral': 'Deferral under the Convention Against Torture',
  'protectionType.asylum_pending': 'Asylum claim pending',
  'protectionType.asylum_granted': 'Asylum granted',
  'protectionType.refugee': 'Refugee status',
  'protectionType.tps': 'Temporary protected status',

  'affiliationBasis.court_finding': 'Court finding',
  'affiliationBasis.self_admission': 'Self-admission',
  'affiliationBasis.intelligence': 'Intelligence',
  'affiliationBasis.tattoos': 'Tattoos',
  'affiliationBasis.association': 'Association',

  'holdType.tro': 'Temporary restraining order',
  'holdType.habeas_petition': 'Habeas corpus petition',
  'holdType.stay_of_removal': 'Stay of removal',
  'holdType.court_order': 'Court order',

  'role.admin': 'Administrator',
  'role.sending_officer': 'Sending officer',
  'role.sending_legal': 'Sending state legal',
  'role.receiving_officer': 'Receiving officer',
  'role.receiving_custody': 'Receiving custody',
  'role.finance': 'Finance',
  'role.court': 'Court',
  'role.counsel': 'Counsel',
  'role.monitor': 'Monitor',
} as const satisfies Record<string, string>;

/** Every message key; `es` must define each of them. */
export type MessageKey = keyof typeof en;

const es: Record<MessageKey, string> = {
  'app.name': 'Custodia',
  'app.tagline': 'Registro de acuerdos de custodia',
  'app.skip': 'Saltar al contenido principal',
  'app.loading': 'Cargando…',
  'app.footer': 'Cada cambio es un evento en un registro verificable.',

  'lang.switchTo': 'English',

  'nav.label': 'Navegación principal',
  'nav.menu': 'Menú',
  'nav.close': 'Cerrar el menú',
  'nav.dashboard': 'Panel',
  'nav.people': 'Personas',
  'header.signedInAs': 'Sesión de {name}',
  'header.logout': 'Cerrar sesión',

  'error.title': 'No se pudo cargar',
  'error.network': 'No se pudo conectar con el servidor. Compruebe la conexión y vuelva a intentarlo.',
  'error.retry': 'Reintentar',

  'common.yes': 'Sí',
  'common.no': 'No',
  'common.notRecorded': 'Sin registrar',
  'common.date': 'Fecha',
  'common.type': 'Tipo',
  'common.court': 'Tribunal',
  'common.case': 'Causa',
  'common.status': 'Estado',
  'common.source': 'Fuente',

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

  'dashboard.title': 'Panel',
  'dashboard.agreements': 'Acuerdos',
  'dashboard.noAgreements': 'Todavía no se ha registrado ningún acuerdo.',
  'dashboard.facilities': 'Centros de reclusión',
  'dashboard.noFacilities': 'Todavía no se ha registrado ningún centro.',

  'agreement.code': 'Código',
  'agreement.status': 'Estado',
  'agreement.parties': 'Estado remitente → receptor',
  'agreement.effectiveFrom': 'En vigor desde',
  'agreement.bedAllotment': 'Cupo de camas',
  'agreement.people': 'Personas registradas',
  'agreement.viewPeople': 'Ver las personas de {code}',
  'agreementStatus.draft': 'Borrador',
  'agreementStatus.in_force': 'En vigor',
  'agreementStatus.suspended': 'Suspendido',
  'agreementStatus.terminated': 'Terminado',

  'facility.timeZone': 'Zona horaria: {zone}',
  'capacity.operational': 'Capacidad oficial (operativa)',
  'capacity.bunks': 'Literas (camas físicas)',
  'capacity.working': 'Capacidad útil',
  'capacity.occupancy': 'Ocupación',
  'capacity.transferees': 'Personas trasladadas',
  'capacity.local': 'Población local',
  'capacity.chartTitle': 'Capacidad y ocupación de {facility}',
  'capacity.chartDesc':
    'Barras horizontales: capacidad oficial {operational}, literas {bunks}, capacidad útil {working}, ocupación {occupancy} ({transferees} trasladadas, {local} locales).',
  'capacity.tableCaption': 'Capacidad y ocupación de {facility}, en plazas',
  'capacity.measure': 'Medida',
  'capacity.places': 'Plazas',
  'capacity.ofBunks': 'Proporción de las literas',
  'capacity.overBunks':
    'La capacidad oficial supera las literas en {diff} plazas: {ratio} personas por litera si el centro se llenara hasta esa cifra.',
  'capacity.withinBunks': 'La capacidad oficial no supera las literas.',
  'capacity.noBunks':
    'No hay celdas registradas, así que la capacidad oficial no se puede comparar con las literas.',
  'capacity.occupancyOfBunks': 'La ocupación es el {pct} de las literas.',
  'capacity.occupancyOverBunks': 'La ocupación supera las literas en {diff} personas.',

  'ledger.title': 'Registro verificable',
  'ledger.size': 'Eventos registrados',
  'ledger.origin': 'Origen del registro',
  'ledger.verifierKey': 'Clave de verificación',
  'ledger.checkpoint': 'Último punto de control firmado',
  'ledger.checkpointSize': 'Tamaño del árbol',
  'ledger.root': 'Hash raíz',
  'ledger.signedAt': 'Firmado el',
  'ledger.note': 'Mostrar la nota firmada completa',
  'ledger.since': '{n} eventos registrados desde este punto de control.',
  'ledger.noCheckpoint': 'Todavía no se ha firmado ningún punto de control.',

  'people.title': 'Personas',
  'people.agreement': 'Acuerdo',
  'people.searchLabel': 'Buscar personas',
  'people.searchHint': 'Nombre, alias, referencia o identificador',
  'people.searchButton': 'Buscar',
  'people.clear': 'Borrar la búsqueda',
  'people.caption': 'Personas registradas en {agreement}',
  'people.captionSearch': 'Personas de {agreement} que coinciden con «{q}»',
  'people.page': 'Página {page}',
  'people.status': 'Se muestran {n} personas.',
  'people.none': 'No hay ninguna persona registrada en este acuerdo.',
  'people.noneForSearch': 'Nadie coincide con «{q}».',
  'people.noAgreement': 'No hay ningún acuerdo del que listar personas.',
  'people.ref': 'Referencia',
  'people.name': 'Nombre',
  'people.nationality': 'Nacionalidad',
  'people.legalStatus': 'Situación legal',
  'people.birthDate': 'Fecha de nacimiento',
  'pagination.label': 'Páginas de resultados',
  'pagination.previous': 'Anterior',
  'pagination.next': 'Siguiente',
  'pagination.first': 'Primera página',

  'person.back': 'Volver a personas',
  'person.summary': 'Resumen',
  'person.ref': 'Referencia',
  'person.givenNames': 'Nombres de pila',
  'person.paternal': 'Apellido paterno',
  'person.maternal': 'Apellido materno',
  'person.aliases': 'Alias',
  'person.noAliases': 'No consta ningún alias.',
  'person.birthDate': 'Fecha de nacimiento',
  'person.sex': 'Sexo',
  'person.nationalities': 'Nacionalidades',
  'person.legalStatus': 'Situación legal en el Estado remitente',
  'person.version': 'Versión del expediente',
  'person.withdrawn': 'Esta persona fue retirada del registro. Motivo: {reason}',
  'person.activeHoldsOne':
    '1 suspensión judicial vigente. Ningún traslado puede avanzar mientras haya una suspensión vigente.',
  'person.activeHoldsMany':
    '{n} suspensiones judiciales vigentes. Ningún traslado puede avanzar mientras haya una suspensión vigente.',
  'person.screen': 'Evaluar elegibilidad',

  'identifiers.title': 'Identificadores',
  'identifiers.none': 'No consta ningún identificador.',
  'identifiers.value': 'Valor',
  'identifiers.country': 'País emisor',

  'verification.title': 'Verificación de identidad',
  'verification.none': 'No consta ninguna verificación: la identidad no está verificada.',
  'verification.method': 'Método',
  'verification.by': 'Verificada por',

  'convictions.title': 'Condenas',
  'convictions.none': 'No consta ninguna condena.',
  'convictions.caption': 'Condenas, con sus penas',
  'convictions.offense': 'Delito',
  'convictions.courtCase': 'Tribunal y causa',
  'convictions.category': 'Categoría',
  'convictions.judgmentDate': 'Fecha de la sentencia',
  'convictions.final': 'Firmeza',
  'convictions.finalYes': 'Firme',
  'convictions.finalNo': 'No firme (recurso o revisión pendiente)',
  'convictions.sentence': 'Pena',
  'convictions.start': 'Inicio',
  'convictions.credits': 'Días abonados',
  'convictions.consecutiveTo': 'Consecutiva a',
  'sentence.days': '{days} días (unos {years} años)',
  'sentence.life': 'Cadena perpetua',
  'sentence.none': 'Sin pena registrada',

  'pending.title': 'Cargos pendientes',
  'pending.none': 'No hay cargos pendientes.',
  'pending.note': 'Un cargo pendiente no tiene sentencia. No es una condena.',
  'pending.caption': 'Cargos pendientes',
  'pending.filed': 'Presentado',

  'removal.title': 'Orden de expulsión',
  'removal.none': 'No consta ninguna orden de expulsión.',
  'removal.final': 'Firme',
  'removal.date': 'Fecha de la orden',
  'removal.destination': 'Destino',

  'protections.title': 'Protecciones',
  'protections.none': 'No consta ninguna protección.',
  'protections.caption': 'Protecciones frente a la expulsión',
  'protections.country': 'Protege frente a',
  'protections.all': 'Todos los países',

  'consent.title': 'Traslado por tratado',
  'consent.consent': 'Consentimiento al traslado por tratado',
  'consent.none': 'No consta consentimiento.',
  'consent.verified':
    'Verificado por {by} el {date}. Una vez verificado, el consentimiento no se puede retirar.',
  'consent.dualCriminality': 'Doble incriminación',
  'consent.dualYes': 'Acreditada',
  'consent.dualNo': 'No acreditada',

  'affiliations.title': 'Afiliaciones',
  'affiliations.note':
    'Las afiliaciones solo sirven para separar a las personas al asignar celdas. Ninguna afiliación, sea cual sea su fundamento, cuenta para la elegibilidad.',
  'affiliations.none': 'No consta ninguna afiliación.',
  'affiliations.caption': 'Afiliaciones (solo para la separación en celdas)',
  'affiliations.organization': 'Organización',
  'affiliations.basis': 'Fundamento',

  'holds.title': 'Suspensiones judiciales',
  'holds.none': 'No consta ninguna suspensión judicial.',
  'holds.caption': 'Suspensiones judiciales; primero las vigentes',
  'holds.issued': 'Emitida',
  'holds.active': 'Vigente',
  'holds.lifted': 'Levantada el {date}',

  'notice.title': 'Notificación del traslado',
  'notice.none': 'No se ha notificado por escrito ningún traslado previsto.',
  'notice.servedOn': 'Notificada a la persona',
  'notice.counsel': 'Abogado notificado',

  'screening.title': 'Evaluación de elegibilidad',
  'screening.titleFor': 'Evaluación de elegibilidad: {name}',
  'screening.back': 'Volver a {name}',
  'screening.backPerson': 'Volver a la persona',
  'screening.intro':
    'La política de elegibilidad del acuerdo aplicada al expediente de esta persona a la fecha prevista del traslado. Se calcula al cargar la página y solo se conserva si se registra.',
  'screening.asOf': 'Fecha prevista del traslado',
  'screening.asOfHint': 'La evaluación se calcula a esta fecha.',
  'screening.asOfMissing': 'Escriba la fecha prevista del traslado.',
  'screening.refused': 'No se puede evaluar a esta persona a fecha de {date}',
  'screening.outcomeHeading': 'Resultado: {outcome}',
  'screening.explain.eligible': 'A fecha de {date}, todas las reglas se cumplen o no son aplicables.',
  'screening.explain.pending':
    'A fecha de {date}, ninguna regla se incumple, pero siguen pendientes: {rules}.',
  'screening.explain.ineligible':
    'A fecha de {date}, no se cumplen estas reglas: {rules}. Basta con que una regla no se cumpla para que la persona no sea elegible.',
  'screening.announce': 'Evaluación a fecha de {date}: {outcome}.',
  'screening.terms': 'Los términos del acuerdo',
  'screening.termsNote': 'Lo que acepta el Estado receptor.',
  'screening.law': 'La ley del Estado remitente',
  'screening.lawNote':
    'Lo que el Estado remitente puede hacer legalmente. Ninguna versión de la política puede omitir estas reglas.',
  'screening.caption': '{layer}: el resultado de cada regla',
  'screening.noRules': 'Esta versión de la política no tiene reglas aquí.',
  'screening.rule': 'Regla',
  'screening.result': 'Resultado',
  'screening.reason': 'Motivo',
  'screening.policy': 'Política',
  'screening.policyVersion': '{policy}, versión {version}',
  'screening.asOfDate': 'A fecha de',
  'screening.personVersion': 'Versión del expediente evaluada',
  'screening.inputsHash': 'Hash de los datos de entrada',
  'screening.hashNote':
    'El hash identifica el expediente de la persona, la política y la fecha: la misma persona, la misma política y la misma fecha dan siempre el mismo resultado.',
  'screening.recorded': 'Última evaluación registrada',
  'screening.noneRecorded': 'Todavía no se ha registrado ninguna evaluación de esta persona.',
  'screening.outcome': 'Resultado',
  'screening.recordedAt': 'Registrada el',
  'screening.recordedBy': 'Registrada por',
  'screening.versionChanged':
    'El expediente de la persona ha cambiado desde que se registró esta evaluación (versión {recorded} entonces, {now} ahora).',
  'screening.sameInputs': 'Su hash de entrada es el mismo que el de la evaluación de arriba.',
  'screening.record': 'Registrar esta evaluación',
  'screening.recording': 'Registrando…',
  'screening.recordNote':
    'Al registrarla, esta evaluación se añade al registro verificable con la versión de la política, la versión del expediente y el hash de entrada. Una evaluación registrada no se modifica nunca.',
  'screening.recordedNow': 'Evaluación registrada: {outcome} a fecha de {date}.',
  'screening.recordFailed': 'La evaluación no se registró',

  'outcome.eligible': 'Elegible',
  'outcome.pending': 'Pendiente',
  'outcome.ineligible': 'No elegible',

  'ruleResult.pass': 'Cumple',
  'ruleResult.fail': 'No cumple',
  'ruleResult.pending': 'Pendiente',
  'ruleResult.not_applicable': 'No aplica',

  'rule.convicted': 'Condenado (sentencia firme)',
  'rule.dangerous-offense': 'Condenado por un delito peligroso',
  'rule.remaining-sentence': 'Pena restante suficiente',
  'rule.not-citizen': 'No es ciudadano del Estado remitente',
  'rule.lawful-pathway': 'Una vía legal (traslado por tratado o expulsión)',
  'rule.no-protection': 'Sin protección frente a la expulsión',
  'rule.notice-period': 'Notificación con antelación suficiente',
  'rule.no-active-hold': 'Sin suspensión judicial vigente',
  'rule.identity-verified': 'Identidad verificada',

  'notFound.title': 'Página no encontrada',
  'notFound.body': 'No hay ninguna página en esta dirección.',
  'notFound.personBody': 'Ninguna persona tiene este identificador, o usted no puede verla.',
  'notFound.home': 'Ir al panel',

  'legalStatus.citizen': 'Ciudadano',
  'legalStatus.lawful_permanent_resident': 'Residente permanente legal',
  'legalStatus.visa_holder': 'Titular de visado',
  'legalStatus.asylum_seeker': 'Solicitante de asilo',
  'legalStatus.refugee': 'Refugiado',
  'legalStatus.temporary_protected_status': 'Estatus de protección temporal',
  'legalStatus.no_status': 'Sin estatus',

  'sex.M': 'Masculino',
  'sex.F': 'Femenino',
  'sex.X': 'Sin especificar (X)',

  'identifierType.a_number': 'Número A (A-Number)',
  'identifierType.fbi': 'Número del FBI',
  'identifierType.bop_register': 'Número de registro de la BOP',
  'identifierType.usms': 'Número del USMS',
  'identifierType.sv_dui': 'DUI salvadoreño',
  'identifierType.passport': 'Pasaporte',
  'identifierType.other': 'Otro',

  'verificationMethod.biometric': 'Coincidencia biométrica',
  'verificationMethod.two_identifiers': 'Dos identificadores independientes corroborados',

  'category.violent': 'Violento',
  'category.weapons': 'Armas',
  'category.trafficking': 'Tráfico',
  'category.terrorism': 'Terrorismo',
  'category.organized_crime': 'Crimen organizado',
  'category.sexual': 'Sexual',
  'category.property': 'Contra la propiedad',
  'category.drug_possession': 'Posesión de drogas',
  'category.immigration': 'Migratorio',
  'category.other': 'Otro',

  'protectionType.withholding_of_removal': 'Prohibición de devolución (withholding of removal)',
  'protectionType.cat_withholding': 'Prohibición de devolución según la Convención contra la Tortura',
  'protectionType.cat_deferral': 'Aplazamiento según la Convención contra la Tortura',
  'protectionType.asylum_pending': 'Solicitud de asilo pendiente',
  'protectionType.asylum_granted': 'Asilo concedido',
  'protectionType.refugee': 'Condición de refugiado',
  'protectionType.tps': 'Estatus de protección temporal',

  'affiliationBasis.court_finding': 'Determinación judicial',
  'affiliationBasis.self_admission': 'Admisión propia',
  'affiliationBasis.intelligence': 'Inteligencia',
  'affiliationBasis.tattoos': 'Tatuajes',
  'affiliationBasis.association': 'Asociación',

  'holdType.tro': 'Orden de restricción temporal',
  'holdType.habeas_petition': 'Petición de habeas corpus',
  'holdType.stay_of_removal': 'Suspensión de la expulsión',
  'holdType.court_order': 'Orden judicial',

  'role.admin': 'Administración',
  'role.sending_officer': 'Agente del Estado remitente',
  'role.sending_legal': 'Asesoría jurídica del Estado remitente',
  'role.receiving_officer': 'Agente del Estado receptor',
  'role.receiving_custody': 'Custodia del Estado receptor',
  'role.finance': 'Finanzas',
  'role.court': 'Tribunal',
  'role.counsel': 'Abogado defensor',
  'role.monitor': 'Supervisión independiente',
};

export const messages: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, es };

/** Values substituted for `{name}` placeholders. */
export type Params = Readonly<Record<string, string | number>>;

/** The message for `key` in `lang`, with `{placeholders}` filled from `params`. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = messages[lang][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** True when `key` names a message; used for enumerated values that come from the server. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The language saved in this browser, else the browser's preference when it is Spanish, else English. */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_STORAGE_KEY);
    if (saved === 'en' || saved === 'es') return saved;
  } catch {
    // Storage can be disabled; fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Locale-aware formatting for one language. Dates `YYYY-MM-DD` are calendar dates, shown without a zone shift. */
export function formatters(lang: Lang) {
  const locale = lang === 'es' ? 'es-419' : 'en-US';
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const instantFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'long',
    timeZone: 'UTC',
  });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const decimalFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const localInstantFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    locale,
    number: (n: number) => numberFormat.format(n),
    decimal: (n: number) => decimalFormat.format(n),
    percent: (ratio: number) => percentFormat.format(ratio),
    /** A calendar date `YYYY-MM-DD`; anything else is shown as given. */
    date: (iso: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
    },
    /** An instant (ISO 8601 with offset), shown in UTC so every reader sees the same time. */
    instant: (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : instantFormat.format(d);
    },
    /** An instant in the reader's own time zone, e.g. when something was recorded. */
    localInstant: (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : localInstantFormat.format(d);
    },
    /** Items joined as a sentence does: "a, b, and c" / "a, b y c". */
    list: (items: readonly string[]) => listFormat.format(items),
    country: (code: string) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

export type Formatters = ReturnType<typeof formatters>;
