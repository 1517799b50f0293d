import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededIds } from '../core/ids.js';
import { aFacility } from '../test-support/factories.js';
import { cellInputSchema, decideRegisterFacility, FACILITY_EVENTS } from './model.js';

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
