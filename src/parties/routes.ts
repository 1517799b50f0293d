import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { problemResponse } from '../core/contract.js';
import { invalidInput, notFound } from '../core/errors.js';
import { personHearingsSchema } from '../hearings/contract.js';
import { personHearings } from '../hearings/service.js';
import {
  endRepresentationBody,
  familyPersonSchema,
  newAppearanceBody,
  newPartyBody,
  newRepresentationBody,
  partyListQuery,
  partyListSchema,
  partySchema,
  representationListSchema,
  representationParams,
  representationQuery,
  representationSchema,
} from './contract.js';
import {
  confirmRepresentation,
  endRepresentation,
  type PersonName,
  parties,
  recordRepresentation,
  registerParty,
  representationsOf,
} from './service.js';
import { familyPerson, fileAppearance, ownRepresentations, withName, withNames } from './views.js';

const refusals = { 400: problemResponse(400), 403: problemResponse(403), 404: problemResponse(404) };
const changes = { ...refusals, 409: problemResponse(409) };

/** The person a representation query names: by id, or by reference under an agreement. */
function personNamed(query: { person?: string; ref?: string; agreement?: string }): PersonName {
  if (query.person) return { personId: query.person };
  if (query.ref && query.agreement) return { ref: query.ref, agreement: query.agreement };
  throw invalidInput('request.invalid_fields', { count: 1 }, [
    { field: 'person', message: 'name the person: person=<id>, or ref=<reference>&agreement=<id or code>' },
  ]);
}

/**
 * Parties, representations and the family view (docs/domain.md, Parties, users and access): the admin
 * registers parties; sending legal or a court record representations, counsel file notices of appearance
 * that sending legal confirms; a family contact reads where their person is.
 */
export async function partyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/parties',
    {
      config: { access: 'parties:read' },
      schema: {
        tags: ['parties'],
        operationId: 'listParties',
        summary: 'List parties',
        description: 'Every party users act for, optionally of one kind.',
        querystring: partyListQuery,
        response: { 200: partyListSchema, 400: problemResponse(400), 403: problemResponse(403) },
      },
    },
    async (request) => ({ items: await parties(ctx, requestActor(request), request.query.kind) }),
  );
  r.post(
    '/api/v1/parties',
    {
      config: { access: 'parties:manage' },
      schema: {
        tags: ['parties'],
        operationId: 'registerParty',
        summary: 'Register a party',
        description:
          'A code no other party has (compared without case or accents). A family contact names the one person it is verified for; no other kind names a person.',
        body: newPartyBody,
        response: { 201: partySchema, ...changes },
      },
    },
    async (request, reply) => {
      const { person, ...rest } = request.body;
      const party = await registerParty(ctx, requestActor(request), {
        ...rest,
        ...(person ? { person } : {}),
      });
      return reply.code(201).send(party);
    },
  );
  r.get(
    '/api/v1/representations',
    {
      config: { access: 'parties:read' },
      schema: {
        tags: ['parties'],
        operationId: 'listRepresentations',
        summary: "List a person's representations",
        description: 'Name the person by id (`person`) or by reference and agreement. Oldest first.',
        querystring: representationQuery,
        response: { 200: representationListSchema, ...refusals },
      },
    },
    async (request) => {
      const reps = await representationsOf(ctx, requestActor(request), personNamed(request.query));
      return { items: await withNames(ctx.handle.db, reps) };
    },
  );
  r.post(
    '/api/v1/representations',
    {
      config: { access: 'representation:record' },
      schema: {
        tags: ['parties'],
        operationId: 'recordRepresentation',
        summary: 'Record that a law office represents a person',
        description: 'Sending legal or a court; in force at once, from a date (to a date).',
        body: newRepresentationBody,
        response: { 201: representationSchema, ...changes },
      },
    },
    async (request, reply) => {
      const { ref, agreement, office, from, to } = request.body;
      const rep = await recordRepresentation(ctx, requestActor(request), {
        person: { ref, agreement },
        office,
        from,
        to: to ?? null,
        source: 'recorded',
      });
      return reply.code(201).send(await withName(ctx.handle.db, rep));
    },
  );
  r.get(
    '/api/v1/representations/own',
    {
      config: { access: 'representation:file' },
      schema: {
        tags: ['parties'],
        operationId: 'listOwnRepresentations',
        summary: "Counsel's own office's representations and notices of appearance",
        description:
          'Those recorded for the office and the notices it filed, confirmed or not (`confirmedAt` null). Oldest first.',
        response: { 200: representationListSchema, 403: problemResponse(403) },
      },
    },
    async (request) => ({ items: await ownRepresentations(ctx, requestActor(request)) }),
  );
  r.post(
    '/api/v1/representations/appearances',
    {
      config: { access: 'representation:file' },
      schema: {
        tags: ['parties'],
        operationId: 'fileAppearance',
        summary: 'File a notice of appearance',
        description:
          'Counsel, for their own law office: the office represents the person from the date once sending legal confirms it.',
        body: newAppearanceBody,
        response: { 201: representationSchema, ...changes },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await fileAppearance(ctx, requestActor(request), request.body)),
  );
  r.post(
    '/api/v1/representations/:id/confirm',
    {
      config: { access: 'representation:confirm' },
      schema: {
        tags: ['parties'],
        operationId: 'confirmRepresentation',
        summary: 'Confirm a notice of appearance',
        description: 'Sending legal: the office then represents the person.',
        params: representationParams,
        response: { 200: representationSchema, ...changes },
      },
    },
    async (request) => {
      const rep = await confirmRepresentation(ctx, requestActor(request), request.params.id);
      return withName(ctx.handle.db, rep);
    },
  );
  r.post(
    '/api/v1/representations/:id/end',
    {
      config: { access: 'representation:record' },
      schema: {
        tags: ['parties'],
        operationId: 'endRepresentation',
        summary: 'End a representation on a day',
        description: 'Sending legal or a court. The office no longer represents the person after that day.',
        params: representationParams,
        body: endRepresentationBody,
        response: { 200: representationSchema, ...changes },
      },
    },
    async (request) => {
      const rep = await endRepresentation(ctx, requestActor(request), request.params.id, request.body.to);
      return withName(ctx.handle.db, rep);
    },
  );
  r.get(
    '/api/v1/family/person',
    {
      config: { access: 'family:read', scoped: true },
      schema: {
        tags: ['parties'],
        operationId: 'familyPerson',
        summary: 'Where the family contact’s person is',
        description:
          "The public locator's answer for the one person the signed-in family contact is verified for: custody status, since when, and the facility with its address. Never the cell.",
        response: { 200: familyPersonSchema, 403: problemResponse(403), 404: problemResponse(404) },
      },
    },
    async (request) => familyPerson(ctx, requestActor(request)),
  );
  r.get(
    '/api/v1/family/hearings',
    {
      config: { access: 'family:read', scoped: true },
      schema: {
        tags: ['parties'],
        operationId: 'familyHearings',
        summary: 'The next hearing of the family contact’s person',
        description:
          "The next booked hearing of the one person the signed-in family contact is verified for, as `GET /api/v1/people/{id}/hearings` answers a family contact (the view does not know the person's id). An empty list when none is booked.",
        response: { 200: personHearingsSchema, 403: problemResponse(403), 404: problemResponse(404) },
      },
    },
    async (request) => {
      const actor = requestActor(request);
      const personId = actor.parties?.people[0];
      if (!personId) throw notFound('person', 'family');
      return personHearings(ctx, actor, personId);
    },
  );
}
