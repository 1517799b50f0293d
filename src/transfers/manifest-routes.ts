import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { peopleFilter } from '../parties/scope.js';
import {
  actualTimeBody,
  addTransferBody,
  entryParams,
  exceptionBody,
  handOverBody,
  manifestParams as idParams,
  manifestListQuery,
  manifestListSchema,
  manifestStateSchema,
  manifestViewSchema,
  newManifestBody,
  receiveBody,
} from './manifest-contract.js';
import {
  addToManifest,
  arriveManifest,
  boardPerson,
  closeManifest,
  createManifest,
  departManifest,
  handOverPerson,
  manifestView,
  receivePerson,
  recordManifestException,
  removeFromManifest,
} from './manifest-service.js';
import { listManifests, manifestAlarms } from './manifest-store.js';

/**
 * Transport manifests (docs/domain.md, Transport manifests): create, add scheduled transfers,
 * board person by person, depart, arrive, intake person by person with an identity check, explained
 * exceptions, and close once reconciled. Roles are checked by the manifest rules.
 */
export async function manifestRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['manifests'];
  // Monitors read manifests with the people they may read (a sealed person's entry left out); counsel and
  // courts, whose reads are their clients' or their courts' own, have no manifest view (no `manifests:read`).
  const read = { config: { access: 'manifests:read' as const, scoped: ['unsealed'] as const } };
  const act = { config: { access: 'transfers:act' as const } };
  r.get(
    '/api/v1/manifests',
    {
      ...read,
      schema: {
        tags,
        operationId: 'listManifests',
        summary: 'Manifests, newest departure first, with reconciliation; and the open alarms',
        description:
          'Optionally of one status; an alarm is a manifest that arrived with people unaccounted for.',
        querystring: manifestListQuery,
        response: { 200: manifestListSchema },
      },
    },
    async (request) => ({
      manifests: await listManifests(ctx.handle.db, request.query),
      alarms: await manifestAlarms(
        ctx.handle.db,
        ctx.clock.now(),
        peopleFilter(ctx, requestActor(request), 'transfers:read', 'people.id'),
      ),
    }),
  );
  r.post(
    '/api/v1/manifests',
    {
      ...act,
      schema: {
        tags,
        operationId: 'createManifest',
        summary: 'Create a manifest (outbound: sending_officer; return or repatriation: receiving_officer)',
        description:
          'The direction, the carrier, flight, origin, destination and scheduled times, each with its time zone; a repatriation names its country.',
        body: newManifestBody,
        response: { 201: manifestStateSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createManifest(ctx, requestActor(request), request.body)),
  );
  r.get(
    '/api/v1/manifests/:id',
    {
      ...read,
      schema: {
        tags,
        operationId: 'getManifest',
        summary: 'A manifest with its checklists and reconciliation',
        description:
          'Each entry with its person, transfer state and holds in force; the reconciliation and alarm.',
        params: idParams,
        response: { 200: manifestViewSchema },
      },
    },
    async (request) => manifestView(ctx, request.params.id, requestActor(request)),
  );
  r.post(
    '/api/v1/manifests/:id/transfers',
    {
      ...act,
      schema: {
        tags,
        operationId: 'addToManifest',
        summary: 'Add a transfer (sending_officer)',
        description: 'An accepted transfer is scheduled onto the manifest with a fresh, eligible screening.',
        params: idParams,
        body: addTransferBody,
        response: { 200: manifestStateSchema },
      },
    },
    async (request) => addToManifest(ctx, requestActor(request), request.params.id, request.body.transferId),
  );
  r.delete(
    '/api/v1/manifests/:id/transfers/:transferId',
    {
      ...act,
      schema: {
        tags,
        operationId: 'removeFromManifest',
        summary: 'Remove an entry that has not boarded (sending_officer)',
        description: 'The transfer goes back to accepted, ready for another manifest.',
        params: entryParams,
        response: { 200: manifestStateSchema },
      },
    },
    async (request) =>
      removeFromManifest(ctx, requestActor(request), request.params.id, request.params.transferId),
  );
  r.post(
    '/api/v1/manifests/:id/transfers/:transferId/board',
    {
      ...act,
      schema: {
        tags,
        operationId: 'boardPerson',
        summary: 'Confirm one person boarded (sending_officer)',
        description: 'Refused under an active hold or without a fresh eligible screening.',
        params: entryParams,
        response: { 200: manifestStateSchema },
      },
    },
    async (request) => boardPerson(ctx, requestActor(request), request.params.id, request.params.transferId),
  );
  r.post(
    '/api/v1/manifests/:id/depart',
    {
      ...act,
      schema: {
        tags,
        operationId: 'departManifest',
        summary: 'Record departure (sending_officer)',
        description: 'Every boarded transfer goes in_transit after a screening made at this moment.',
        params: idParams,
        body: actualTimeBody,
        response: { 200: manifestStateSchema },
      },
    },
    async (request) => departManifest(ctx, requestActor(request), request.params.id, request.body.actual),
  );
  r.post(
    '/api/v1/manifests/:id/arrive',
    {
      ...act,
      schema: {
        tags,
        operationId: 'arriveManifest',
        summary: 'Record arrival (receiving_officer)',
        description: 'From now on everyone who boarded must be received or accounted for by an exception.',
        params: idParams,
        body: actualTimeBody,
        response: { 200: manifestStateSchema },
      },
    },
    async (request) => arriveManifest(ctx, requestActor(request), request.params.id, request.body.actual),
  );
  r.post(
    '/api/v1/manifests/:id/transfers/:transferId/receive',
    {
      ...act,
      schema: {
        tags,
        operationId: 'receivePerson',
        summary: 'Confirm one person’s intake with an identity check (receiving_officer)',
        description: 'Starts the custody interval and the Rule 68 notification.',
        params: entryParams,
        body: receiveBody,
        response: { 200: manifestStateSchema },
      },
    },
    async (request) =>
      receivePerson(ctx, requestActor(request), request.params.id, request.params.transferId, request.body),
  );
  r.post(
    '/api/v1/manifests/:id/transfers/:transferId/hand-over',
    {
      ...act,
      schema: {
        tags,
        operationId: 'handOverPerson',
        summary: 'Record one person’s handover at the end of a return or repatriation',
        description:
          "Names the agency (a return: one of the agreement's sending agencies) or the country's authority, and the officer who took the person; the return or repatriation transfer is received.",
        params: entryParams,
        body: handOverBody,
        response: { 200: manifestStateSchema },
      },
    },
    async (request) =>
      handOverPerson(ctx, requestActor(request), request.params.id, request.params.transferId, request.body),
  );
  r.post(
    '/api/v1/manifests/:id/transfers/:transferId/exception',
    {
      ...act,
      schema: {
        tags,
        operationId: 'recordManifestException',
        summary: 'Account for one person by an explained exception instead of intake',
        description: 'Missing after transport, a medical diversion, or returned before departure, explained.',
        params: entryParams,
        body: exceptionBody,
        response: { 200: manifestStateSchema },
      },
    },
    async (request) =>
      recordManifestException(
        ctx,
        requestActor(request),
        request.params.id,
        request.params.transferId,
        request.body.kind,
        request.body.explanation,
      ),
  );
  r.post(
    '/api/v1/manifests/:id/close',
    {
      ...act,
      schema: {
        tags,
        operationId: 'closeManifest',
        summary: 'Close a reconciled manifest (receiving_officer)',
        description: 'Refused while anyone who boarded is unaccounted for.',
        params: idParams,
        response: { 200: manifestStateSchema },
      },
    },
    async (request) => closeManifest(ctx, requestActor(request), request.params.id),
  );
}
