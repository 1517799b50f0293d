import { vi } from 'vitest';
import type { FacilityDetail, PersonListItem } from './api.ts';

/** A request the page sent: method, path with query, and the JSON body if any. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

/** How the fake API answers a request: a status and a JSON body. */
export type Answer = { status?: number; body: unknown };

/**
 * Replaces `fetch` for a component test: each request is recorded and answered by `answer` (an unknown
 * request is a 404 problem, so a test sees what it did not expect). Returns the requests sent.
 */
export function fakeApi(answer: (request: SentRequest) => Answer | undefined): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://localhost');
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method: init?.method ?? 'GET', path: url.pathname + url.search, body };
    sent.push(request);
    const reply = answer(request) ?? { status: 404, body: { title: 'Not found', status: 404 } };
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return sent;
}

/** One active cell of the test facility. */
function aCell(id: string, code: string): FacilityDetail['cells'][number] {
  return {
    id,
    code,
    module: 'M1',
    areaM2: 100,
    bunks: 10,
    workingCapacity: 10,
    status: 'active',
    statusReason: null,
    localSex: 'M',
    occupancy: { transferees: 0, local: 10, total: 10 },
  };
}

/** A facility as `GET /api/v1/facilities/{id}` answers, with two cells. */
export const A_FACILITY: FacilityDetail = {
  id: '01900000-0000-7000-8000-00000000f001',
  code: 'SV-CECOT',
  name: 'Centro de Confinamiento del Terrorismo',
  jurisdiction: 'SV',
  timeZone: 'America/El_Salvador',
  location: null,
  address: null,
  openedOn: null,
  staff: {},
  notes: null,
  version: 1,
  capacity: { operationalCapacity: 40, bunks: 20, workingCapacity: 20, localOccupants: 20 },
  occupancy: { transferees: 0, housed: 0, local: 20, total: 20 },
  modules: 1,
  cells: [aCell('c1', 'M1-C01'), aCell('c2', 'M1-C02')],
};

/** A person the people search finds, as `GET /api/v1/people` lists them. */
export const PEREZ: PersonListItem = {
  id: '01900000-0000-7000-8000-0000000000a1',
  agreementId: 'ag1',
  ref: 'VE-0001',
  birthDate: '1990-05-01',
  nationalities: ['VE'],
  version: 1,
  names: { given: 'José Luis', paternal: 'Pérez', maternal: 'Gómez' },
  sex: 'M',
  legalStatus: 'no_status',
  custody: { status: 'not_in_custody' },
  latestTransfer: null,
};
