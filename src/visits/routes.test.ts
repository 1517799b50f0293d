import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../auth/service.js';
import { buildApp } from '../server.js';
import { anActor, testContext } from '../test-support/context.js';
import { clientInCustody } from './test-fixture.js';

/** Legal visits over HTTP, as counsel and receiving custody: the scoped routes answer a non-client as a miss. */
describe('legal visit routes', () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let built: Awaited<ReturnType<typeof buildApp>>;
  const person = new Map<string, string>();
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await testContext({ now: '2025-03-14T15:00:00Z' });
    for (const [ref, id] of (await clientInCustody(ctx, ['H-1', 'H-2'])).person) person.set(ref, id);
    const system = anActor('system');
    const password = 'a long enough password 1';
    await createUser(ctx, system, {
      name: 'ana.counsel',
      role: 'counsel',
      password,
      parties: ['Defensa Legal'],
    });
    await createUser(ctx, system, { name: 'rc.custody', role: 'receiving_custody', password });
    tokens.counsel = (await createToken(ctx, system, 'ana.counsel')).token;
    tokens.custody = (await createToken(ctx, system, 'rc.custody')).token;
    built = await buildApp(ctx);
  });
  afterAll(async () => {
    await built.app.close();
    await ctx.handle.close();
  });

  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const body = { kind: 'in_person', windowFrom: '2025-04-15T14:00:00Z', windowTo: '2025-04-17T22:00:00Z' };

  it('counsel request for their client, and get for anyone else exactly what a miss gets', async () => {
    ctx.clock.set('2025-04-14T15:00:00Z');
    const made = await built.app.inject({
      method: 'POST',
      url: `/api/v1/people/${person.get('H-1')}/legal-visits`,
      headers: as('counsel'),
      payload: body,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ status: 'requested', office: 'Defensa Legal' });
    const other = await built.app.inject({
      method: 'POST',
      url: `/api/v1/people/${person.get('H-2')}/legal-visits`,
      headers: as('counsel'),
      payload: body,
    });
    const missingId = '00000000-0000-4000-8000-000000000000';
    const missing = await built.app.inject({
      method: 'POST',
      url: `/api/v1/people/${missingId}/legal-visits`,
      headers: as('counsel'),
      payload: body,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().detail.replace(person.get('H-2'), 'X')).toBe(
      missing.json().detail.replace(missingId, 'X'),
    );

    const listed = await built.app.inject({
      url: '/api/v1/facilities/SV-TEST/legal-visits',
      headers: as('counsel'),
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().visits.map((v: { personRef: string }) => v.personRef)).toEqual(['H-1']);
    expect(listed.body).not.toMatch(/"cell"/);

    const id = made.json().id;
    const scheduled = await built.app.inject({
      method: 'POST',
      url: `/api/v1/legal-visits/${id}/schedule`,
      headers: as('custody'),
      payload: { room: 'SALA-1', startsAt: '2025-04-16T15:00:00Z', endsAt: '2025-04-16T16:00:00Z' },
    });
    expect(scheduled.statusCode).toBe(201);
    const byCounsel = await built.app.inject({
      method: 'POST',
      url: `/api/v1/legal-visits/${id}/refuse`,
      headers: as('counsel'),
      payload: { reasonCode: 'other', reason: 'no' },
    });
    expect(byCounsel.statusCode).toBe(403);
    const cancelled = await built.app.inject({
      method: 'POST',
      url: `/api/v1/legal-visits/${id}/cancel`,
      headers: as('counsel'),
      payload: {},
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
  });
});
