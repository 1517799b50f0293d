import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSession } from '../test-support/cli.js';
import { testEngine } from '../test-support/context.js';
import { CLI_SCENARIO_ARGS, TEMPLATE_WAIT_MS } from '../test-support/scenario-template.js';

const DAY = 86_400_000;

/** The first weekday `weekday` (0 Sunday … 6 Saturday) at least `days` from now, at 15:00Z (09:00 in San Salvador). */
function nextDay(weekday: number, days: number): Date {
  const d = new Date(Date.now() + days * DAY);
  while (d.getUTCDay() !== weekday) d.setTime(d.getTime() + DAY);
  return new Date(`${d.toISOString().slice(0, 10)}T15:00:00Z`);
}

/** The next second Sunday of March (US clocks spring forward) at least a week away, at 15:00Z. */
function nextUsSpringForward(): Date {
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const first = new Date(Date.UTC(year, 2, 1));
    const sunday = 1 + ((7 - first.getUTCDay()) % 7) + 7;
    const at = new Date(Date.UTC(year, 2, sunday, 15));
    if (at.getTime() > Date.now() + 7 * DAY) return at;
  }
}

/** `custodia court|rooms|hearing`, with the acceptance's interfaces, on the scenario's CECOT. */
describe(`custodia hearing commands, ${testEngine}`, () => {
  const cli = cliSession('custodia-hearings-cli-', { loaded: true });
  const { io, run } = cli;

  beforeAll(async () => {
    // The run's `custodia scenario load cecot-2025`, copied (src/test-support/scenario-template.ts).
    expect(CLI_SCENARIO_ARGS.join(' ')).toBe(
      'scenario load cecot-2025 --roster 0 --cohort 18 --regime-months 0 --billing-months 0',
    );
    await cli.open();
    expect(await run('court', 'add', '--name', 'Test Court of Hearings', '--zone', 'America/New_York')).toBe(
      0,
    );
  }, TEMPLATE_WAIT_MS);

  afterAll(() => cli.close());

  const book = (start: Date, ...more: string[]) =>
    run(
      'hearing',
      'book',
      '--person',
      'ICE-2025-E00003',
      '--agreement',
      'cecot-2025',
      '--court',
      'Test Court of Hearings',
      '--type',
      'bail',
      '--start',
      start.toISOString(),
      '--minutes',
      '60',
      '--json',
      ...more,
    );

  it('books, then offers 3 alternatives for a collision (exit 1), each of which can be booked', async () => {
    const monday = nextDay(1, 7);
    expect(await book(monday, '--room', 'SALA-1')).toBe(0);
    const made = JSON.parse(io.stdout()) as { booked: boolean; booking: Record<string, unknown> };
    expect(made.booked).toBe(true);
    expect(made.booking).toMatchObject({ room: 'SALA-1', start: monday.toISOString() });
    expect(made.booking.facilityTime).toEqual({
      zone: 'America/El_Salvador',
      local: `${monday.toISOString().slice(0, 10)}T09:00`,
    });
    expect(await book(monday, '--room', 'SALA-1', '--pre', '15')).toBe(1);
    const refused = JSON.parse(io.stdout()) as {
      booked: boolean;
      alternatives: { room: string; start: string }[];
    };
    expect(refused.booked).toBe(false);
    expect(refused.alternatives).toHaveLength(3);
    // Each alternative can be booked as it stands (then cancelled, so the next is judged alone).
    for (const alt of refused.alternatives) {
      expect(await book(new Date(alt.start), '--room', alt.room, '--pre', '15'), io.stderr()).toBe(0);
      const alternative = JSON.parse(io.stdout()) as { booking: { id: string } };
      expect(await run('hearing', 'cancel', alternative.booking.id, '--reason', 'test')).toBe(0);
    }
    expect(
      await run(
        'hearing',
        'list',
        '--facility',
        'SV-CECOT',
        '--date',
        monday.toISOString().slice(0, 10),
        '--csv',
      ),
    ).toBe(0);
    expect(io.stdout().split('\r\n')[0]).toMatch(/^room,court_time,court_zone,facility_time/);
  });

  it('shows a hearing on the day US clocks change in New York time and San Salvador time', async () => {
    expect(
      await run(
        'rooms',
        'schedule',
        '--facility',
        'SV-CECOT',
        '--code',
        'SALA-6',
        '--schedule',
        'Mon-Sun 08:00-16:00',
      ),
    ).toBe(0);
    const sunday = nextUsSpringForward();
    expect(await book(sunday, '--room', 'SALA-6')).toBe(0);
    const made = JSON.parse(io.stdout()) as { booking: { courtTime: unknown; facilityTime: unknown } };
    const date = sunday.toISOString().slice(0, 10);
    expect(made.booking.courtTime).toEqual({ zone: 'America/New_York', local: `${date}T11:00` });
    expect(made.booking.facilityTime).toEqual({ zone: 'America/El_Salvador', local: `${date}T09:00` });
  });
});
