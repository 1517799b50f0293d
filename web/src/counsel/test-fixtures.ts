import type { Hearing } from '../hearings/api.ts';
import type { LegalVisit } from '../visits/api.ts';

const NY = 'America/New_York';
const SV = 'America/El_Salvador';

/** A booked habeas hearing of ICE-1 before D.D.C., 11:00 in New York and 9:00 in San Salvador; `over` changes it. */
export function aHearing(over: Partial<Hearing> = {}): Hearing {
  return {
    id: 'h1',
    personId: 'p1',
    personRef: 'ICE-1',
    name: 'José Luis Hernández',
    facility: 'SV-CECOT',
    court: 'D.D.C.',
    room: 'SALA-1',
    hearingType: 'habeas',
    start: '2025-04-14T15:00:00Z',
    end: '2025-04-14T15:30:00Z',
    courtTime: { zone: NY, local: '2025-04-14T11:00' },
    facilityTime: { zone: SV, local: '2025-04-14T09:00' },
    courtEnd: { zone: NY, local: '2025-04-14T11:30' },
    facilityEnd: { zone: SV, local: '2025-04-14T09:30' },
    preMinutes: 0,
    postMinutes: 0,
    caseRef: null,
    videoUrl: null,
    counsel: null,
    interpreter: null,
    status: 'booked',
    reasonCode: null,
    reason: null,
    version: 1,
    bookedAt: '2025-03-10T10:00:00Z',
    bookedBy: 'ddc.clerk',
    flags: [],
    ...over,
  };
}

/** A video visit requested for ICE-1 by Abogados Unidos, preferred 24 to 25 March 2025; `over` changes it. */
export function aVisit(over: Partial<LegalVisit> = {}): LegalVisit {
  return {
    id: 'v1',
    personId: 'p1',
    personRef: 'ICE-1',
    name: 'José Luis Hernández',
    facility: 'SV-CECOT',
    timeZone: SV,
    office: 'Abogados Unidos',
    kind: 'video',
    windowFrom: '2025-03-24T15:00:00Z',
    windowTo: '2025-03-25T21:00:00Z',
    note: null,
    status: 'requested',
    requestedAt: '2025-03-19T10:00:00Z',
    requestedBy: 'co.counsel',
    dueAt: '2025-03-26T10:00:00Z',
    room: null,
    startsAt: null,
    endsAt: null,
    reasonCode: null,
    reason: null,
    closedAt: null,
    ...over,
  };
}
