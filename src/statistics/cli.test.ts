import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../agreements/service.js';
import { openContext } from '../app.js';
import { EXIT } from '../cli.js';
import { loadConfig } from '../config.js';
import { FixedClock } from '../core/clock.js';
import { registerFacility } from '../facilities/service.js';
import { cliSession } from '../test-support/cli.js';
import { anActor } from '../test-support/context.js';
import { receivePeople } from '../test-support/custody-fixture.js';
import { anEligiblePerson } from '../test-support/eligibility-fixtures.js';
import { aFacility, anAgreement } from '../test-support/factories.js';

/** `custodia statistics show` and `publish`: the API's figures as text (in --lang), JSON or CSV. */
describe('custodia statistics', () => {
  const cli = cliSession('custodia-statistics-cli-');
  const PERIOD = ['--facility', 'SV-TEST', '--from', '2025-03-01', '--to', '2025-03-31'];

  beforeAll(async () => {
    await cli.open();
    const clock = new FixedClock('2025-03-14T15:00:00Z');
    const ctx = { ...(await openContext(loadConfig(process.env, { data: cli.dir }), { clock })), clock };
    try {
      const facilityId = (await registerFacility(ctx, anActor('admin'), aFacility())).id;
      const agreementId = (await createAgreement(ctx, anActor('admin'), anAgreement([facilityId]))).id;
      const people = Array.from({ length: 3 }, (_, i) => anEligiblePerson({ ref: `C-${i + 1}` }));
      await receivePeople(ctx, { agreementId, facilityId }, people);
    } finally {
      await ctx.handle.close();
    }
  }, 120_000);
  afterAll(async () => cli.close());

  it('shows the figures with small counts as <10, in English and Spanish, and as CSV', async () => {
    expect(await cli.run('statistics', 'show', ...PERIOD)).toBe(EXIT.ok);
    expect(cli.io.stdout()).toContain('Population in custody at the end of 2025-03-31: <10');
    expect(cli.io.stdout()).toContain('Not published: computed now');
    expect(await cli.run('--lang', 'es', 'statistics', 'show', ...PERIOD)).toBe(EXIT.ok);
    expect(cli.io.stdout()).toContain('Población bajo custodia al final del 2025-03-31: <10');
    expect(await cli.run('statistics', 'show', ...PERIOD, '--csv')).toBe(EXIT.ok);
    expect(cli.io.stdout()).toContain('population,total,,<10\r\n');
    expect(await cli.run('statistics', 'show', '--facility', 'SV-TEST', '--from', '2025-03-01')).toBe(
      EXIT.refused,
    );
    expect(cli.io.stderr()).toContain('to is missing');
  });

  it('publishes once, then records nothing for the same figures', async () => {
    expect(await cli.run('statistics', 'publish', ...PERIOD, '--json')).toBe(EXIT.ok);
    const first = JSON.parse(cli.io.stdout());
    expect(first).toMatchObject({ recorded: true, published: true });
    expect(await cli.run('statistics', 'publish', ...PERIOD)).toBe(EXIT.ok);
    expect(cli.io.stdout()).toContain('The newest release already holds these figures: nothing recorded.');
    expect(await cli.run('statistics', 'show', ...PERIOD, '--json')).toBe(EXIT.ok);
    expect(JSON.parse(cli.io.stdout())).toMatchObject({ published: true, hash: first.hash });
  });
});
