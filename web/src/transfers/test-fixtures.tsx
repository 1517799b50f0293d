import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { ManifestView, ManifestViewEntry } from '../api.ts';
import { ActionFeedback, type ActionRunner, useAction } from '../components/action-feedback.tsx';

/** A JSON answer of the API with this status. */
export function respond(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** One request the page sent: method, path and parsed JSON body. */
export interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Stands in for the network: each request is answered by `answer`, and recorded. Requests the answer does
 * not expect get a 500, so a test sees them.
 */
export function mockApi(answer: (request: Sent) => Response | Promise<Response>): Sent[] {
  const sent: Sent[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method: init?.method ?? 'GET', path: String(input), body };
    sent.push(request);
    return answer(request);
  });
  return sent;
}

/** The requests that changed something: everything but GETs. */
export function writes(sent: readonly Sent[]): Sent[] {
  return sent.filter((request) => request.method !== 'GET');
}

/** The texts of every alert on the page, in order: what a screen reader was told went wrong. */
export function alerts(): string[] {
  return screen.queryAllByRole('alert').map((alert) => alert.textContent ?? '');
}

/**
 * Gives a form a runner as a page section would, with the section's feedback above it (unless the part
 * shows its own).
 */
export function WithRunner({
  children,
  feedback = true,
}: {
  children: (runner: ActionRunner) => ReactNode;
  feedback?: boolean;
}) {
  const runner = useAction(() => {});
  return (
    <>
      {feedback && <ActionFeedback state={runner.state} />}
      {children(runner)}
    </>
  );
}

/** A person who boarded the manifest and awaits intake. */
export function aBoardedEntry(overrides: Partial<ManifestViewEntry> = {}): ManifestViewEntry {
  return {
    transferId: 't-1',
    personId: 'p-1',
    status: 'boarded',
    addedAt: '2026-03-01T10:00:00.000Z',
    boardedAt: '2026-03-01T14:00:00.000Z',
    boardedBy: 'officer',
    receivedAt: null,
    receivedBy: null,
    identity: null,
    handover: null,
    exception: null,
    person: { id: 'p-1', ref: 'ICE-2026-0001', name: 'Ana Pérez', nationalities: ['VE'] },
    transferStatus: 'in_transit',
    activeHolds: [],
    ...overrides,
  };
}

/** A manifest that arrived with one person boarded and not yet received. */
export function anArrivedManifest(overrides: Partial<ManifestView> = {}): ManifestView {
  return {
    manifestId: 'm-1',
    direction: 'outbound',
    facilityId: 'f-1',
    country: null,
    carrier: 'GlobalX',
    flightNumber: 'GXA 101',
    origin: 'HRL',
    destination: 'SAL',
    scheduledDeparture: { instant: '2026-03-01T15:00:00.000Z', zone: 'America/Chicago' },
    scheduledArrival: { instant: '2026-03-01T19:00:00.000Z', zone: 'America/El_Salvador' },
    actualDeparture: { instant: '2026-03-01T15:10:00.000Z', zone: 'America/Chicago' },
    actualArrival: { instant: '2026-03-01T19:05:00.000Z', zone: 'America/El_Salvador' },
    status: 'arrived',
    version: 4,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T19:05:00.000Z',
    facility: { id: 'f-1', code: 'SV-CECOT', name: 'CECOT', timeZone: 'America/El_Salvador' },
    entries: [aBoardedEntry()],
    reconciliation: { reconciled: false, boarded: 1, received: 0, exceptions: 0, unaccounted: ['t-1'] },
    alarm: null,
    ...overrides,
  };
}
