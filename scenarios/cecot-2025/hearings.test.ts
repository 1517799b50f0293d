import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFacility } from '../../src/facilities/service.js';
import { listRooms } from '../../src/hearings/service.js';
import { anActor, testContext } from '../../src/test-support/context.js';
import { aFacility } from '../../src/test-support/factories.js';
import { addCecotHearingRooms } from './hearings.js';

describe("CECOT's hearing rooms", () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  beforeAll(async () => {
    ctx = await testContext({ now: '2025-02-20T15:00:00Z' });
  });
  afterAll(async () => {
    await ctx.handle.close();
  });

  it('adds the 6 virtual rooms, court-only mornings in rooms 1–4', async () => {
    const system = anActor('system');
    const facility = await registerFacility(ctx, system, aFacility());
    await addCecotHearingRooms(ctx, system, facility.id);
    const { rooms } = await listRooms(ctx, system, facility.id);
    expect(rooms.map((r) => r.code)).toEqual(['SALA-1', 'SALA-2', 'SALA-3', 'SALA-4', 'SALA-5', 'SALA-6']);
    expect(rooms[0]?.schedule.map((r) => r.use)).toEqual(['court', 'shared']);
    expect(rooms[5]?.schedule).toEqual([{ fromDay: 1, toDay: 5, from: '08:00', to: '16:00', use: 'shared' }]);
  });
});
