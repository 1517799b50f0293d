import { z } from 'zod';
import { partiesOfRole } from '../auth/policy.js';
import { DomainError, invalidInput } from '../core/errors.js';
import { defineEvent } from '../core/events.js';
import { isoDate } from '../core/schemas.js';

/**
 * Parties (docs/domain.md, Parties, users and access): every user belongs to one, and what a role may do is
 * limited to its party's subjects. A law office's clients are the people a representation record names it
 * for; a court's cases are the holds it issued; a family contact is tied to one person. Pure: time and ids
 * are parameters.
 */

/** The kinds of party. */
export const PARTY_KINDS = [
  'installation',
  'sending_agency',
  'receiving_agency',
  'court',
  'law_office',
  'monitoring_body',
  'family_contact',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * A party's code: short, unique, what commands and holds name it by. A court's code is the one its holds
 * carry (`D.D.C.`, `S.D. Tex.`), so a court user's cases are found by it.
 */
export const partyCodeSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .,&'()/-]{0,79}$/u, {
    error: "a party code is 1–80 letters, digits, spaces or . , & ' ( ) / -, starting with a letter or digit",
  });

export const PARTY_EVENTS = {
  registered: 'party.registered',
  representationRecorded: 'representation.recorded',
  representationConfirmed: 'representation.confirmed',
  representationEnded: 'representation.ended',
  personSealed: 'person.sealed',
} as const;

/**
 * A court sealed a person's record by an order: the person is hidden from monitors and the public locator,
 * and still counted (docs/domain.md, Parties, users and access).
 */
export const personSealedSchema = z.object({
  personId: z.string(),
  court: z.string(),
  order: z.string(),
  on: isoDate,
  at: z.string(),
  by: z.string(),
});
export type PersonSealed = z.output<typeof personSealedSchema>;

export const partyRegisteredSchema = z.object({
  partyId: z.string(),
  kind: z.enum(PARTY_KINDS),
  code: z.string(),
  name: z.string(),
  /** The person a family contact is verified for; null for every other kind. */
  personId: z.string().nullable(),
  at: z.string(),
});
export type PartyRegistered = z.output<typeof partyRegisteredSchema>;

/** How a representation came to be recorded. */
export const REPRESENTATION_SOURCES = ['recorded', 'appearance'] as const;
export type RepresentationSource = (typeof REPRESENTATION_SOURCES)[number];

/**
 * A law office represents a person under an agreement from a date (to a date). Recorded by sending legal
 * or a court (`recorded`, in force at once), or filed by counsel as a notice of appearance (`appearance`),
 * in force once sending legal confirms it.
 */
export const representationRecordedSchema = z.object({
  representationId: z.string(),
  personId: z.string(),
  agreementId: z.string(),
  officeId: z.string(),
  from: isoDate,
  to: isoDate.nullable(),
  source: z.enum(REPRESENTATION_SOURCES),
  at: z.string(),
});
export type RepresentationRecorded = z.output<typeof representationRecordedSchema>;

export const representationConfirmedSchema = z.object({ representationId: z.string(), at: z.string() });
export type RepresentationConfirmed = z.output<typeof representationConfirmedSchema>;

export const representationEndedSchema = z.object({
  representationId: z.string(),
  to: isoDate,
  at: z.string(),
});
export type RepresentationEnded = z.output<typeof representationEndedSchema>;

/** The party event types, each with its payload schema. */
export const partyEvent = {
  registered: defineEvent(PARTY_EVENTS.registered, partyRegisteredSchema),
  representationRecorded: defineEvent(PARTY_EVENTS.representationRecorded, representationRecordedSchema),
  representationConfirmed: defineEvent(PARTY_EVENTS.representationConfirmed, representationConfirmedSchema),
  representationEnded: defineEvent(PARTY_EVENTS.representationEnded, representationEndedSchema),
  personSealed: defineEvent(PARTY_EVENTS.personSealed, personSealedSchema),
};

/** A party as the read table holds it. */
export interface Party {
  id: string;
  kind: PartyKind;
  code: string;
  name: string;
  personId: string | null;
}

/** A representation as the read table holds it. */
export interface Representation {
  id: string;
  personId: string;
  agreementId: string;
  officeId: string;
  from: string;
  to: string | null;
  source: RepresentationSource;
  /** Null until sending legal confirms a notice of appearance; a recorded representation is confirmed at once. */
  confirmedAt: string | null;
}

/** Folds a party code for comparison: case, accents and runs of spaces do not make two parties. */
export function codeKey(code: string): string {
  return code.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Registers a party. Refuses a code another party has (compared without case or accents), and a family
 * contact with no person or another kind with one.
 */
export function decideParty(
  input: { kind: PartyKind; code: string; name: string; personId: string | null },
  existing: readonly Pick<Party, 'code' | 'kind'>[],
  now: Date,
  newId: () => string,
): PartyRegistered {
  const code = input.code.trim();
  const taken = existing.find((p) => codeKey(p.code) === codeKey(code));
  if (taken) throw new DomainError('conflict', 'party.code_taken', { code, kind: taken.kind });
  if (input.kind === 'family_contact' && !input.personId) {
    throw invalidInput('party.family_needs_person', {}, [
      { field: 'person', message: 'a family contact is verified for one person; name them' },
    ]);
  }
  if (input.kind !== 'family_contact' && input.personId) {
    throw invalidInput('party.person_only_for_family', { kind: input.kind }, [
      { field: 'person', message: 'only a family contact is tied to a person' },
    ]);
  }
  const name = input.name.trim() || code;
  return {
    partyId: newId(),
    kind: input.kind,
    code,
    name,
    personId: input.personId,
    at: now.toISOString(),
  };
}

/** True when the two date ranges share a day (an open end runs for ever). */
export function rangesOverlap(
  a: { from: string; to: string | null },
  b: { from: string; to: string | null },
): boolean {
  const aEndsBefore = a.to !== null && a.to < b.from;
  const bEndsBefore = b.to !== null && b.to < a.from;
  return !aEndsBefore && !bEndsBefore;
}

/**
 * Records that a law office represents a person. Refuses an office that is not a law office, an end before
 * the start, and a representation overlapping one the same office already has for the person (end that
 * one first).
 */
export function decideRepresentation(
  input: {
    personId: string;
    agreementId: string;
    office: Pick<Party, 'id' | 'kind' | 'code'>;
    from: string;
    to: string | null;
    source: RepresentationSource;
  },
  existing: readonly Representation[],
  now: Date,
  newId: () => string,
): RepresentationRecorded {
  if (input.office.kind !== 'law_office') {
    throw invalidInput('party.not_a_law_office', { code: input.office.code, kind: input.office.kind }, [
      { field: 'office', message: `${input.office.code} is a ${input.office.kind}, not a law office` },
    ]);
  }
  if (input.to !== null && input.to < input.from) {
    throw invalidInput('party.representation_ends_before_start', { from: input.from, to: input.to }, [
      { field: 'to', message: `the end ${input.to} is before the start ${input.from}` },
    ]);
  }
  const clash = existing.find(
    (r) => r.personId === input.personId && r.officeId === input.office.id && rangesOverlap(r, input),
  );
  if (clash) {
    throw new DomainError('conflict', 'party.representation_overlaps', {
      office: input.office.code,
      from: clash.from,
      to: clash.to ?? '',
    });
  }
  return {
    representationId: newId(),
    personId: input.personId,
    agreementId: input.agreementId,
    officeId: input.office.id,
    from: input.from,
    to: input.to,
    source: input.source,
    at: now.toISOString(),
  };
}

/** Confirms a notice of appearance; a representation already in force is refused. */
export function decideConfirmation(rep: Representation, now: Date): RepresentationConfirmed {
  if (rep.confirmedAt !== null) {
    throw new DomainError('conflict', 'party.representation_already_confirmed', { id: rep.id });
  }
  return { representationId: rep.id, at: now.toISOString() };
}

/** Ends a representation on a day; it must not end before it began, nor end twice. */
export function decideEnd(rep: Representation, to: string, now: Date): RepresentationEnded {
  if (rep.to !== null && rep.to <= to) {
    throw new DomainError('conflict', 'party.representation_already_ended', { id: rep.id, to: rep.to });
  }
  if (to < rep.from) {
    throw invalidInput('party.representation_ends_before_start', { from: rep.from, to }, [
      { field: 'to', message: `the end ${to} is before the start ${rep.from}` },
    ]);
  }
  return { representationId: rep.id, to, at: now.toISOString() };
}

/** True when the representation is in force on `day`: confirmed, begun, and not yet ended. */
export function inForce(rep: Representation, day: string): boolean {
  return rep.confirmedAt !== null && rep.from <= day && (rep.to === null || day <= rep.to);
}

/** The people an office represents on `day`: counsel's clients. */
export function clientsOf(reps: readonly Representation[], officeId: string, day: string): Set<string> {
  return new Set(reps.filter((r) => r.officeId === officeId && inForce(r, day)).map((r) => r.personId));
}

/**
 * Checks the parties a user is created with (or given) against what their role acts for (the access
 * policy's `partiesOfRole`): of the right kind, one only unless the role may act for several, and at least
 * one where the role's every grant is scoped. Returns the parties deduplicated.
 */
export function decideUserParties(role: string, parties: readonly Party[]): Party[] {
  const unique = parties.filter((p, i) => parties.findIndex((q) => q.id === p.id) === i);
  const { kinds, required, several } = partiesOfRole(role);
  if (unique.length === 0 && required) {
    throw invalidInput('party.user_needs_party', { role, kinds }, [
      { field: 'party', message: `a ${role} user acts for ${kinds.join(' or ')}; name it with --party` },
    ]);
  }
  const misfit = unique.find((p) => !kinds.includes(p.kind));
  if (misfit) {
    throw invalidInput('party.wrong_kind_for_role', { role, code: misfit.code, kind: misfit.kind, kinds }, [
      {
        field: 'party',
        message: `${misfit.code} is a ${misfit.kind}; a ${role} user acts for ${kinds.join(' or ')}`,
      },
    ]);
  }
  if (unique.length > 1 && !several) {
    throw invalidInput('party.one_party_only', { role, count: unique.length }, [
      { field: 'party', message: 'only a court user may act for more than one party (several courts)' },
    ]);
  }
  return unique;
}
