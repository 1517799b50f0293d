import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestActor } from '../auth/http.js';
import type { AppContext } from '../context.js';
import { MANIFEST_EXCEPTIONS, MANIFEST_STATUSES } from './manifest.js';
import {
  addToManifest,
  arriveManifest,
  boardPerson,
  closeManifest,
  createManifest,
  departManifest,
  manifestView,
  receivePerson,
  recordManifestException,
  removeFromManifest,
} from './manifest-service.js';
import { listManifests, manifestAlarms } from './manifest-store.js';

const zoned = z
  .object({
    instant: z.iso.datetime({ offset: true }).describe('ISO 8601 instant, e.g. 2025-03-15T14:00:00Z'),
    zone: z.string().min(1).describe('IANA time zone, e.g. America/El_Salvador'),
  })
  .describe('an instant and the zone it is read in');
const idParams = z.object({ id: z.uuid() });
const entryParams = z.object({ id: z.uuid(), transferId: z.uuid() });

/**
 * Transport manifests (DOMAIN.md, Transfers → Transport manifest): create, add scheduled transfers,
 * board person by person, depart, arrive, intake person by person with an identity check, explained
 * exceptions, and close once reconciled. Roles are checked by the manifest rules.
 */
export async function manifestRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['manifests'];
  const read = { config: { access: 'transfers:read' as const } };
  const act = { config: { access: 'transfers:act' as const } };
  r.get(
    '/api/v1/manifests',
    {
      ...read,
      schema: {
        tags,
        summary: 'Manifests, newest departure first, with reconciliation; and the open alarms',
        querystring: z.object({ status: z.enum(MANIFEST_STATUSES).optional() }),
      },
    },
    async (request) => ({
      manifests: await listManifests(ctx.handle.db, request.query),
      alarms: await manifestAlarms(ctx.handle.db, ctx.clock.now()),
    }),
  );
  r.post(
    '/api/v1/manifests',
    {
      ...act,
      schema: {
        tags,
        summary: 'Create a manifest (sending_officer): carrier, flight, origin, destination, zoned times',
        body: z.object({
          facilityId: z.string().min(1).describe('the receiving facility, by id or code'),
          carrier: z.string().min(1),
          flightNumber: z.string().min(1),
          origin: z.string().min(1),
          destination: z.string().min(1),
          scheduledDeparture: zoned,
          scheduledArrival: zoned,
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createManifest(ctx, requestActor(request), request.body)),
  );
  r.get(
    '/api/v1/manifests/:id',
    {
      ...read,
      schema: { tags, summary: 'A manifest with its checklists and reconciliation', params: idParams },
    },
    async (request) => manifestView(ctx, request.params.id),
  );
  r.post(
    '/api/v1/manifests/:id/transfers',
    {
      ...act,
      schema: {
        tags,
        summary:
          'Add a transfer (sending_officer); an accepted transfer is scheduled onto the manifest with a fresh, eligible screening',
        params: idParams,
        body: z.object({ transferId: z.uuid() }),
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
        summary: 'Remove an entry that has not boarded (sending_officer)',
        params: entryParams,
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
        summary:
          'Confirm one person boarded (sending_officer): refused under an active hold or without a fresh eligible screening',
        params: entryParams,
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
        summary:
          'Record departure (sending_officer): every boarded transfer goes in_transit after a screening made at this moment',
        params: idParams,
        body: z.object({ actual: zoned.optional() }).default({}),
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
        summary: 'Record arrival (receiving_officer)',
        params: idParams,
        body: z.object({ actual: zoned.optional() }).default({}),
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
        summary:
          'Confirm one person’s intake with an identity check (receiving_officer): starts the custody interval and the Rule 68 notification',
        params: entryParams,
        body: z.object({ method: z.enum(['biometric', 'document']), matched: z.boolean() }),
      },
    },
    async (request) =>
      receivePerson(ctx, requestActor(request), request.params.id, request.params.transferId, request.body),
  );
  r.post(
    '/api/v1/manifests/:id/transfers/:transferId/exception',
    {
      ...act,
      schema: {
        tags,
        summary: 'Account for one person by an explained exception instead of intake',
        params: entryParams,
        body: z.object({ kind: z.enum(MANIFEST_EXCEPTIONS), explanation: z.string().min(1).max(2000) }),
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
        summary:
          'Close a reconciled manifest (receiving_officer); refused while anyone who boarded is unaccounted for',
        params: idParams,
      },
    },
    async (request) => closeManifest(ctx, requestActor(request), request.params.id),
  );
}
