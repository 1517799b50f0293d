import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../auth/service.js';
import { registerParty } from '../parties/service.js';
import { buildApp } from '../server.js';
import { anActor, testContext } from '../test-support/context.js';
import { clientInCustody } from '../visits/test-fixture.js';
import { addRoom, setCourtZone } from './service.js';

/** Video-link hearings over HTTP: a court books for its own court, sees alternatives, records an outcome. */
describe('hearing routes', () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  const person = new Map<string, string>();
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    for (const [ref, id] of (await clientInCustody(ctx, ['H-1', 'H-2'])).person) person.set(ref, id);
    const system = anActor('system');
    await registerParty(ctx, system, { kind: 'court', code: 'D.D.C.' });
    await setCourtZone(ctx, system, 'D.D.C.', { zone: 'America/New_York' });
    await addRoom(ctx, system, { facility: 'SV-TEST', code: 'SALA-1', schedule: 'Mon-Fri 08:00-17:00' });
    const password = 'a long enough password 1';
    await createUser(ctx, system, { name: 'ddc.clerk', role: 'court', password, parties: ['D.D.C.'] });
    await createUser(ctx, system, { name: 'rc.custody', role: 'receiving_custody', password });
    await createUser(ctx, system, { name: 'fin.ance', role: 'finance', password });
    for (const name of ['ddc.clerk', 'rc.custody', 'fin.ance'])
      tokens[name] = (await createToken(ctx, system, name)).token;
    built = await buildApp(ctx);
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const book = (over: Record<string, unknown> = {}) =>
    built.app.inject({
      method: 'POST',
      url: '/api/v1/hearings',
      headers: as('ddc.clerk'),
      payload: {
        person: person.get('H-1'),
        court: 'D.D.C.',
        hearingType: 'immigration',
        start: '2025-04-14T15:00:00Z',
        minutes: 30,
        room: 'SALA-1',
        ...over,
      },
    });

  it('books (201), offers alternatives (409), lists the day as JSON and CSV, records an outcome', async () => {
    const made = await book();
    expect(made.statusCode).toBe(201);
    const booking = made.json().booking as { id: string; courtTime: { local: string } };
    expect(booking.courtTime.local).toBe('2025-04-14T11:00');
    const clash = await book({ person: person.get('H-2') });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().alternatives).toHaveLength(3);
    const day = await built.app.inject({
      url: '/api/v1/facilities/SV-TEST/hearings?date=2025-04-14',
      headers: as('rc.custody'),
    });
    expect(day.statusCode).toBe(200);
    expect(day.json().hearings).toHaveLength(1);
    const csv = await built.app.inject({
      url: '/api/v1/courts/D.D.C./hearings?date=2025-04-14&format=csv',
      headers: as('ddc.clerk'),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[1]).toMatch(/^SALA-1,2025-04-14T11:00,America\/New_York,2025-04-14T09:00,/);
    const refused = await built.app.inject({
      url: `/api/v1/hearings/${booking.id}`,
      headers: as('fin.ance'),
    });
    expect(refused.statusCode).toBe(403);
    ctx.clock.set('2025-04-14T15:05:00Z');
    const outcome = await built.app.inject({
      method: 'POST',
      url: `/api/v1/hearings/${booking.id}/outcome`,
      headers: as('ddc.clerk'),
      payload: { outcome: 'not_produced', reasonCode: 'link_failed' },
    });
    expect(outcome.statusCode).toBe(201);
    expect(outcome.json()).toMatchObject({ status: 'not_produced', reasonCode: 'link_failed', holdId: null });
  });
});
