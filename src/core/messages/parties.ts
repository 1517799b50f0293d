import { defineMessages, msg } from './define.js';
import { joined } from './format.js';

/** The kinds of party, in Spanish. */
const KINDS_ES: Readonly<Record<string, string>> = {
  installation: 'la instalación',
  sending_agency: 'una agencia del Estado de envío',
  receiving_agency: 'una agencia del Estado receptor',
  court: 'un tribunal',
  law_office: 'un despacho de abogados',
  monitoring_body: 'un organismo de supervisión',
  family_contact: 'un contacto familiar',
};

/** The kinds of party, in English. */
const KINDS_EN: Readonly<Record<string, string>> = {
  installation: 'the installation',
  sending_agency: 'a sending agency',
  receiving_agency: 'a receiving agency',
  court: 'a court',
  law_office: 'a law office',
  monitoring_body: 'a monitoring body',
  family_contact: 'a family contact',
};

const kindEn = (kind: string) => KINDS_EN[kind] ?? kind;
const kindEs = (kind: string) => KINDS_ES[kind] ?? kind;

/** Parties and representation: who a user acts for, and which people a law office represents. */
// Parameters arrive as given: a list from the code, plain text from the catalogue's own checks.
const kindsEn = (kinds: readonly string[]) =>
  Array.isArray(kinds) ? kinds.map(kindEn).join(' or ') : String(kinds);
const kindsEs = (kinds: readonly string[]) =>
  Array.isArray(kinds) ? kinds.map(kindEs).join(' o ') : String(kinds);

/** The codes of a user's parties, or `none` when they act for none. */
const partiesNamed = (parties: readonly string[], none: string) =>
  Array.isArray(parties) ? (parties.length > 0 ? parties.join(', ') : none) : String(parties);

export const partyMessages = defineMessages({
  'party.user_needs_party': msg(
    (p: { role: string; kinds: readonly string[] }) =>
      `A ${p.role} user sees only their party's people, so they need one: name ${kindsEn(p.kinds)} with --party (\`custodia party list\`).`,
    (p) =>
      `Un usuario ${p.role} solo ve a las personas de su parte, así que necesita una: indique ${kindsEs(p.kinds)} con --party (\`custodia party list\`).`,
  ),
  'party.role_change_misfit': msg(
    (p: { name: string; role: string; kinds: readonly string[]; parties: readonly string[] }) =>
      `${p.name} acts for ${partiesNamed(p.parties, 'no party')}, and a ${p.role} user acts for ${kindsEn(p.kinds)}: the role would reach nobody's records, or the wrong ones. Add a user for that role with its party: \`custodia user add NAME --role ${p.role} --party PARTY\`.`,
    (p) =>
      `${p.name} actúa por ${partiesNamed(p.parties, 'ninguna parte')}, y un usuario ${p.role} actúa por ${kindsEs(p.kinds)}: el rol no alcanzaría los registros de nadie, o alcanzaría los equivocados. Cree un usuario para ese rol con su parte: \`custodia user add NOMBRE --role ${p.role} --party PARTE\`.`,
  ),
  'party.wrong_kind_for_role': msg(
    (p: { role: string; code: string; kind: string; kinds: readonly string[] }) =>
      `${p.code} is ${kindEn(p.kind)}; a ${p.role} user acts for ${kindsEn(p.kinds)}.`,
    (p) => `${p.code} es ${kindEs(p.kind)}; un usuario ${p.role} actúa para ${kindsEs(p.kinds)}.`,
  ),
  'party.one_party_only': msg(
    (p: { role: string; count: number }) =>
      `A ${p.role} user acts for one party, not ${p.count}; only a court user may act for several courts.`,
    (p) =>
      `Un usuario ${p.role} actúa para una sola parte, no para ${p.count}; solo un usuario de tribunal puede actuar para varios tribunales.`,
  ),
  'person.already_sealed': msg(
    (p: { personId: string; court: string; order: string }) =>
      `The record of ${p.personId} is already sealed (${p.court}, order ${p.order}); a record is sealed once.`,
    (p) =>
      `El registro de ${p.personId} ya está sellado (${p.court}, orden ${p.order}); un registro se sella una sola vez.`,
  ),
  'party.code_taken': msg(
    (p: { code: string; kind: string }) =>
      `A party with the code ${p.code} already exists (${kindEn(p.kind)}). Use that party, or choose another code.`,
    (p) =>
      `Ya existe una parte con el código ${p.code} (${kindEs(p.kind)}). Use esa parte o elija otro código.`,
  ),
  'party.family_needs_person': msg(
    () => 'A family contact is verified for one person: name the person (--person REF and --agreement ID).',
    () =>
      'Un contacto familiar se verifica para una sola persona: indique la persona (--person REF y --agreement ID).',
  ),
  'party.person_only_for_family': msg(
    (p: { kind: string }) =>
      `Only a family contact is tied to a person; ${kindEn(p.kind)} is not. Leave out the person.`,
    (p) => `Solo un contacto familiar está vinculado a una persona; ${kindEs(p.kind)} no. Omita la persona.`,
  ),
  'party.kind_unknown': msg(
    (p: { kind: string; kinds: readonly string[] }) =>
      `${p.kind} is not a kind of party; the kinds are: ${joined(p.kinds)}.`,
    (p) => `${p.kind} no es un tipo de parte; los tipos son: ${joined(p.kinds)}.`,
  ),
  'party.not_found': msg(
    (p: { code: string }) =>
      `No party has the code ${p.code}. List the parties with \`custodia party list\`, or add it with \`custodia party add\`.`,
    (p) =>
      `Ninguna parte tiene el código ${p.code}. Consulte las partes con \`custodia party list\` o añádala con \`custodia party add\`.`,
  ),
  'party.no_law_office': msg(
    (p: { actor: string }) =>
      `${p.actor} acts for no law office, so has no office to file a notice of appearance for. Ask an administrator to tie the user to their law office.`,
    (p) =>
      `${p.actor} no actúa por ningún despacho de abogados, así que no tiene despacho en cuyo nombre presentar un escrito de personación. Pida a un administrador que vincule al usuario con su despacho.`,
  ),
  'party.not_a_law_office': msg(
    (p: { code: string; kind: string }) =>
      `${p.code} is ${kindEn(p.kind)}, not a law office: only a law office represents people.`,
    (p) =>
      `${p.code} es ${kindEs(p.kind)}, no un despacho de abogados: solo un despacho representa a personas.`,
  ),
  'party.representation_ends_before_start': msg(
    (p: { from: string; to: string }) =>
      `The representation would end on ${p.to}, before it starts on ${p.from}. Check the dates.`,
    (p) => `La representación terminaría el ${p.to}, antes de empezar el ${p.from}. Compruebe las fechas.`,
  ),
  'party.representation_overlaps': msg(
    (p: { office: string; from: string; to: string }) =>
      `${p.office} already represents this person from ${p.from}${p.to ? ` to ${p.to}` : ' with no end'}. End that representation first, or change the dates.`,
    (p) =>
      `${p.office} ya representa a esta persona desde el ${p.from}${p.to ? ` hasta el ${p.to}` : ' sin fecha de fin'}. Termine antes esa representación o cambie las fechas.`,
  ),
  'party.representation_not_found': msg(
    (p: { id: string }) =>
      `Representation ${p.id} does not exist. List a person's representations with \`custodia representation list --person REF\`.`,
    (p) =>
      `La representación ${p.id} no existe. Consulte las representaciones de una persona con \`custodia representation list --person REF\`.`,
  ),
  'party.representation_already_confirmed': msg(
    (p: { id: string }) => `Representation ${p.id} is already in force; there is nothing to confirm.`,
    (p) => `La representación ${p.id} ya está vigente; no hay nada que confirmar.`,
  ),
  'party.representation_already_ended': msg(
    (p: { id: string; to: string }) =>
      `Representation ${p.id} already ends on ${p.to}; an end can be brought forward, not pushed back.`,
    (p) => `La representación ${p.id} ya termina el ${p.to}; el fin puede adelantarse, no retrasarse.`,
  ),
});
