import type { Hearing } from './api.ts';

const zoned = (zone: string, local: string) => ({ zone, local });

/** A booked hearing of the component tests: D.D.C., SALA-1, 09:00 in San Salvador. */
export const A_HEARING: Hearing = {
  id: '01900000-0000-7000-8000-0000000000h3',
  personId: '01900000-0000-7000-8000-0000000000a1',
  personRef: 'ICE-2025-E00003',
  name: 'José Luis Pérez',
  facility: 'SV-CECOT',
  court: 'D.D.C.',
  room: 'SALA-1',
  hearingType: 'habeas',
  start: '2025-11-03T15:00:00.000Z',
  end: '2025-11-03T15:30:00.000Z',
  courtTime: zoned('America/New_York', '2025-11-03T10:00'),
  facilityTime: zoned('America/El_Salvador', '2025-11-03T09:00'),
  courtEnd: zoned('America/New_York', '2025-11-03T10:30'),
  facilityEnd: zoned('America/El_Salvador', '2025-11-03T09:30'),
  preMinutes: 0,
  postMinutes: 0,
  caseRef: null,
  videoUrl: 'https://meet.example/ddc',
  counsel: null,
  interpreter: null,
  status: 'booked',
  reasonCode: null,
  reason: null,
  version: 1,
  bookedAt: '2025-10-27T15:00:00.000Z',
  bookedBy: 'user:court',
  flags: [],
};
