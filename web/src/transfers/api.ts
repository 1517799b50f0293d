import type {
  HoldLifted,
  HoldPersonMatches,
  HoldRecorded,
  NewHold,
  TransferActionBody,
  TransferState,
} from '../../../src/transfers/contract.ts';
import type {
  ExceptionInput,
  HandoverInput,
  IdentityCheckInput,
  ManifestState,
  NewManifest,
} from '../../../src/transfers/manifest-contract.ts';
import type { TransferStatus } from '../../../src/transfers/states.ts';
import { request } from '../api.ts';
import { personPath } from '../people/api.ts';

/** The filters of the transfers board, as the page holds them (the query sends the states comma-separated). */
export interface TransferFilter {
  status?: readonly TransferStatus[];
  nationality?: string;
  q?: string;
  agreementId?: string;
  limit?: number;
}

/** The path of the transfers board for a filter. */
export function transfersPath(filter: TransferFilter = {}): string {
  const query = new URLSearchParams();
  if (filter.status && filter.status.length > 0) query.set('status', filter.status.join(','));
  if (filter.nationality) query.set('nationality', filter.nationality);
  if (filter.q) query.set('q', filter.q);
  if (filter.agreementId) query.set('agreementId', filter.agreementId);
  query.set('limit', String(filter.limit ?? 1000));
  return `/api/v1/transfers?${query}`;
}

/** The path of one transfer. */
export function transferPath(id: string): string {
  return `/api/v1/transfers/${encodeURIComponent(id)}`;
}

/** Nominates a person for transfer under an agreement (sending_officer). */
export function nominate(personId: string, agreementId: string): Promise<TransferState> {
  return request<TransferState>('POST', '/api/v1/transfers', { body: { personId, agreementId } });
}

/** Moves a transfer; the server checks the role, the reason and a fresh screening. */
export function actOnTransfer(id: string, body: TransferActionBody): Promise<TransferState> {
  return request<TransferState>('POST', `${transferPath(id)}/actions`, { body });
}

/** Starts a repatriation of the person a received transfer brought, to a country of nationality. */
export function startRepatriation(id: string, country: string): Promise<TransferState> {
  return request<TransferState>('POST', `${transferPath(id)}/repatriation`, { body: { country } });
}

/** Records a legal hold (court, or sending_legal): every open pre-departure transfer goes on hold. */
export function recordHold(personId: string, hold: NewHold): Promise<HoldRecorded> {
  return request('POST', `${personPath(personId)}/holds`, { body: hold });
}

/** Lifts a legal hold on a date: the transfers it held return to screened. */
export function liftHold(personId: string, holdId: string, lifted: string): Promise<HoldLifted> {
  return request('POST', `${personPath(personId)}/holds/lift`, { body: { holdId, lifted } });
}

/** The path of the manifests list, optionally of one status. */
export function manifestsPath(status?: string | null): string {
  return status ? `/api/v1/manifests?${new URLSearchParams({ status })}` : '/api/v1/manifests';
}

/** The path of one manifest. */
export function manifestPath(id: string): string {
  return `/api/v1/manifests/${encodeURIComponent(id)}`;
}

/** Creates a manifest (sending_officer). */
export function createManifest(manifest: NewManifest): Promise<ManifestState> {
  return request<ManifestState>('POST', '/api/v1/manifests', { body: manifest });
}

/** Adds a transfer to an open manifest; an accepted transfer is scheduled onto it. */
export function addToManifest(manifestId: string, transferId: string): Promise<ManifestState> {
  return request<ManifestState>('POST', `${manifestPath(manifestId)}/transfers`, { body: { transferId } });
}

function entryPath(manifestId: string, transferId: string): string {
  return `${manifestPath(manifestId)}/transfers/${encodeURIComponent(transferId)}`;
}

/** Removes an entry that has not boarded. */
export function removeFromManifest(manifestId: string, transferId: string): Promise<ManifestState> {
  return request<ManifestState>('DELETE', entryPath(manifestId, transferId));
}

/** Confirms one person boarded; refused under an active hold or without an eligible screening now. */
export function board(manifestId: string, transferId: string): Promise<ManifestState> {
  return request<ManifestState>('POST', `${entryPath(manifestId, transferId)}/board`);
}

/** Records the departure now. */
export function depart(manifestId: string): Promise<ManifestState> {
  return request<ManifestState>('POST', `${manifestPath(manifestId)}/depart`, { body: {} });
}

/** Records the arrival now. */
export function arrive(manifestId: string): Promise<ManifestState> {
  return request<ManifestState>('POST', `${manifestPath(manifestId)}/arrive`, { body: {} });
}

/** Confirms one person's intake with an identity check. */
export function receive(
  manifestId: string,
  transferId: string,
  identity: IdentityCheckInput,
): Promise<ManifestState> {
  return request<ManifestState>('POST', `${entryPath(manifestId, transferId)}/receive`, { body: identity });
}

/** Records one person's handover at the end of a return or repatriation: the agency and officer, by name. */
export function handOver(
  manifestId: string,
  transferId: string,
  handover: HandoverInput,
): Promise<ManifestState> {
  return request<ManifestState>('POST', `${entryPath(manifestId, transferId)}/hand-over`, { body: handover });
}

/** Accounts for one person by an explained exception instead of intake. */
export function recordException(
  manifestId: string,
  transferId: string,
  kind: ExceptionInput['kind'],
  explanation: string,
): Promise<ManifestState> {
  return request<ManifestState>('POST', `${entryPath(manifestId, transferId)}/exception`, {
    body: { kind, explanation },
  });
}

/** Closes a reconciled manifest; refused while anyone who boarded is unaccounted for. */
export function closeManifest(manifestId: string): Promise<ManifestState> {
  return request<ManifestState>('POST', `${manifestPath(manifestId)}/close`);
}

/** The exact matches of a ref or an A-number, to record a hold for (decision 0032); 404 when none. */
export function findPersonForHold(query: { ref: string } | { aNumber: string }): Promise<HoldPersonMatches> {
  const params = new URLSearchParams('ref' in query ? { ref: query.ref } : { aNumber: query.aNumber });
  return request('GET', `/api/v1/holds/person?${params.toString()}`);
}
