import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { seededIds } from '../core/ids.js';
import { aFacility } from '../test-support/factories.js';
import {
  type CellState,
  cellInputSchema,
  decideRegisterFacility,
  decideReviseCell,
  FACILITY_EVENTS,
  facilityInputSchema,
} from './model.js';

describe('cell invariants', () => {
  it('accepts a cell only when working capacity ≤ bunks and an inactive cell has a reason', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom('active', 'inactive'),
        fc.option(fc.constantFrom('flooded', 'under repair'), { nil: null }),
        (bunks, workingCapacity, status, statusReason) => {
          const parsed = cellInputSchema.safeParse({
            code: 'C1',
            areaM2: 100,
            bunks,
            workingCapacity,
            status,
            statusReason,
          });
          const valid = workingCapacity <= bunks && (status === 'active' || statusReason !== null);
          expect(parsed.success).toBe(valid);
        },
      ),
    );
  });
});

describe('registering a facility', () => {
  it('refuses a cell or facility figure beyond its plausible bound, naming the field and the bound', () => {
    const cell = cellInputSchema.safeParse({ code: 'C1', areaM2: 100, bunks: 1e9, workingCapacity: 2.5 });
    expect(cell.success).toBe(false);
    expect(cell.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['bunks', 'bunks cannot exceed 1,000 in one cell'],
      ['workingCapacity', 'workingCapacity must be a whole number'],
    ]);
    const facility = facilityInputSchema.safeParse({ ...aFacility(), operationalCapacity: 1e9 });
    expect(facility.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['operationalCapacity', 'operationalCapacity cannot exceed 1,000,000: no place of custody holds more'],
    ]);
  });

  it('emits the facility, each module and each cell, with fresh ids', () => {
    const { facilityId, events } = decideRegisterFacility(aFacility({}, 3), new Set(), seededIds(1, 0));
    expect(events.map((e) => e.type)).toEqual([
      FACILITY_EVENTS.facilityRegistered,
      FACILITY_EVENTS.moduleAdded,
      FACILITY_EVENTS.cellAdded,
      FACILITY_EVENTS.cellAdded,
      FACILITY_EVENTS.cellAdded,
    ]);
    expect(events.every((e) => e.streamId === `facility:${facilityId}`)).toBe(true);
  });

  it('refuses a taken code and duplicate cell codes', () => {
    expect(() => decideRegisterFacility(aFacility(), new Set(['SV-TEST']), seededIds(1, 0))).toThrow(
      /already exists/,
    );
    const twice = aFacility();
    twice.modules[0]!.cells.push({ ...twice.modules[0]!.cells[0]! });
    expect(() => decideRegisterFacility(twice, new Set(), seededIds(1, 0))).toThrow(/appears twice/);
  });
});

describe('decideReviseCell', () => {
  const ids = { facilityId: 'f', cellId: 'c' };
  const cell: CellState = {
    code: 'M1-C01',
    bunks: 80,
    workingCapacity: 80,
    localOccupants: 50,
    localSex: 'M',
    status: 'active',
    statusReason: null,
  };
  const rule = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as DomainError).details?.rule ?? (error as DomainError).code;
    }
    return 'accepted';
  };

  it('keeps working capacity within the bunks and never below the people in the cell', () => {
    expect(rule(() => decideReviseCell(ids, cell, 10, { workingCapacity: 81 }))).toBe(
      'working-capacity-within-bunks',
    );
    expect(rule(() => decideReviseCell(ids, cell, 10, { workingCapacity: 59 }))).toBe(
      'capacity-not-below-occupancy',
    );
    expect(decideReviseCell(ids, cell, 10, { workingCapacity: 60 })).toEqual({
      ...ids,
      code: 'M1-C01',
      changes: { workingCapacity: 60 },
    });
    expect(rule(() => decideReviseCell(ids, cell, 0, { bunks: 40 }))).toBe('working-capacity-within-bunks');
    expect(rule(() => decideReviseCell(ids, cell, 31, { localOccupants: 50 }))).toBe(
      'capacity-not-below-occupancy',
    );
  });

  it('explains a capacity refusal in Spanish', () => {
    let error: unknown;
    try {
      decideReviseCell(ids, cell, 10, { workingCapacity: 59 });
    } catch (e) {
      error = e;
    }
    if (!(error instanceof DomainError)) throw new Error('expected a refusal');
    expect(error.messageKey).toBe('cell.capacity_below_occupancy');
    expect(error.message).toBe(
      'Cell M1-C01: working capacity cannot be set to 59, below the 60 people in it now (50 local, 10 transferees). Move people out first.',
    );
    expect(error.localized('es')).toBe(
      'Celda M1-C01: la capacidad útil no puede fijarse en 59, por debajo de las 60 personas que hay en ella ahora (50 de la población local, 10 trasladadas). Saque primero a algunas personas de la celda.',
    );
  });

  it('needs a reason and an empty cell to deactivate; reactivating clears the reason', () => {
    const empty = { ...cell, localOccupants: 0, localSex: null };
    expect(rule(() => decideReviseCell(ids, empty, 0, { status: 'inactive' }))).toBe('inactive-needs-reason');
    expect(rule(() => decideReviseCell(ids, cell, 0, { status: 'inactive', statusReason: 'flooded' }))).toBe(
      'inactive-cell-empty',
    );
    const inactive = decideReviseCell(ids, empty, 0, { status: 'inactive', statusReason: 'flooded' });
    expect(inactive?.changes).toEqual({ status: 'inactive', statusReason: 'flooded' });
    const back = decideReviseCell(ids, { ...empty, status: 'inactive', statusReason: 'flooded' }, 0, {
      status: 'active',
    });
    expect(back?.changes).toEqual({ status: 'active', statusReason: null });
  });

  it('records no event when nothing changes, and local sex only with local occupants', () => {
    expect(decideReviseCell(ids, cell, 0, { workingCapacity: 80, localSex: 'M' })).toBeNull();
    expect(decideReviseCell(ids, cell, 0, { localOccupants: 0 })?.changes).toEqual({
      localOccupants: 0,
      localSex: null,
    });
    expect(
      rule(() => decideReviseCell(ids, { ...cell, localOccupants: 0, localSex: null }, 0, { localSex: 'F' })),
    ).toBe('invalid_input');
  });
});
