import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSession } from './test-support/cli.js';
import { testEngine } from './test-support/context.js';
import { pdfTextOf } from './test-support/pdf-text.js';
import { CLI_SCENARIO_ARGS, TEMPLATE_WAIT_MS } from './test-support/scenario-template.js';

/**
 * The CLI against one loaded scenario (loading it is the slow part, so the commands share it): transfers
 * and manifests, custody, then invoices, payments and the billing report. The load is the run's own
 * `custodia scenario load cecot-2025` (src/test-support/scenario-template.ts: the real command, run once
 * for every CLI test that reads the scenario), copied into this file's data directory (and database).
 */
describe(`custodia commands on a loaded scenario, ${testEngine}`, () => {
  const cli = cliSession('custodia-scenario-cli-', { loaded: true });
  const { dir, io, run } = cli;

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    expect(CLI_SCENARIO_ARGS.join(' ')).toBe(
      'scenario load cecot-2025 --roster 0 --cohort 18 --regime-months 0 --billing-months 0',
    );
    await cli.open();
  }, TEMPLATE_WAIT_MS);

  afterAll(() => cli.close());

  it('writes the demo users with their one-time passwords to DATA/demo-users.txt, readable only by the owner', () => {
    // The file the load wrote, in the data directory it loaded.
    const { loadOutput, usersFile: path } = cli.loaded();
    expect(path).toMatch(/\/data\/demo-users\.txt$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const saved = readFileSync(path, 'utf8');
    // Each user line printed after the load is in the file, password included.
    const printed = loadOutput.split('\n').filter((line) => /^ {2}\S+ +\S+ +\S+$/.test(line));
    expect(printed.length).toBeGreaterThan(3);
    for (const line of printed) expect(saved).toContain(line);
    expect(loadOutput).toContain(`also written to ${path}, readable only by you`);
    // The copy this file's commands use has it too.
    expect(readFileSync(join(dir, 'demo-users.txt'), 'utf8')).toBe(saved);
  });

  it('lists transfers by state, and refuses an unknown state by name', async () => {
    expect(await run('transfers', '--status', 'on_hold,nominated', '--json')).toBe(0);
    const { counts, transfers } = JSON.parse(io.stdout());
    // 16 of the cohort of 18 and the 12 Venezuelans of the April flight, and the July return.
    expect(counts).toMatchObject({ received: 17 + 12, on_hold: 1, nominated: 5, cancelled: 261 });
    expect(transfers.map((t: { status: string }) => t.status).sort()).toEqual([
      'nominated',
      'nominated',
      'nominated',
      'nominated',
      'nominated',
      'on_hold',
    ]);
    // The person held at the plane door was re-screened when the hold was recorded: ineligible now.
    expect(transfers.find((t: { status: string }) => t.status === 'on_hold').lastScreening.outcome).toBe(
      'ineligible',
    );
    expect(await run('transfers', '--status', 'departed')).toBe(1);
    expect(io.stderr()).toMatch(/Unknown state departed; use one of: nominated, screened/);
  });

  it('lists manifests and shows one with its checklist and reconciliation', async () => {
    expect(await run('manifest', 'list', '--json')).toBe(0);
    const { manifests, alarms } = JSON.parse(io.stdout());
    expect(alarms).toEqual([]);
    // Nine outbound flights, and the July return of the man the court ordered brought back.
    expect(manifests).toHaveLength(10);
    const may = manifests.find((m: { scheduledDeparture: { instant: string } }) =>
      m.scheduledDeparture.instant.startsWith('2025-05-08'),
    );
    expect(may.reconciliation).toMatchObject({ reconciled: true, boarded: 2, received: 1, exceptions: 1 });
    expect(await run('manifest', 'show', may.manifestId)).toBe(0);
    expect(io.stdout()).toMatch(/Reconciled: boarded 2, received 1, exceptions 1, unaccounted 0/);
    expect(io.stdout()).toMatch(/returned_before_departure: Habeas petition .* HOLD habeas_petition/);
    expect(await run('manifest', 'list', '--direction', 'return')).toBe(0);
    const returnId = /^(\S+) +closed +return /m.exec(io.stdout())?.[1];
    expect(returnId).toBeDefined();
    expect(await run('manifest', 'show', returnId!)).toBe(0);
    expect(io.stdout()).toMatch(/^return manifest GlobalX GXA 6198, SAL → AEX .*: closed/);
    expect(io.stdout()).toMatch(
      /ICE-2025-E00005 .* handed_over transfer received {2}handed over to US-ICE, Deportation Officer M\. Castellanos/,
    );
    expect(await run('manifest', 'list', '--direction', 'sideways')).toBe(1);
    expect(io.stderr()).toMatch(
      /Unknown manifest direction sideways; use one of: outbound, return, repatriation/,
    );
    expect(await run('manifest', 'show', '00000000-0000-7000-8000-000000000000')).toBe(1);
    expect(io.stderr()).toMatch(/Manifest 00000000-0000-7000-8000-000000000000/);
  });

  it('custody commands: occupancy, a headcount discrepancy as an incident, a release by ref', async () => {
    expect(
      await run(
        'occupancy',
        '--facility',
        'SV-CECOT',
        '--from',
        '2025-12-11',
        '--to',
        '2025-12-11',
        '--json',
      ),
    ).toBe(0);
    const occupancy = JSON.parse(io.stdout());
    expect(occupancy.history).toEqual([
      { date: '2025-12-11', transferees: 28, local: 14_532, total: 14_560 },
    ]);
    expect(await run('headcount', '--facility', 'SV-CECOT', '--counted', '14559')).toBe(0);
    expect(io.stdout()).toMatch(/Headcount 14559, expected 14560: a discrepancy, reported as incident/);
    expect(await run('incidents', '--facility', 'SV-CECOT', '--json')).toBe(0);
    expect(JSON.parse(io.stdout()).incidents.map((i: { kind: string }) => i.kind)).toEqual([
      'headcount_discrepancy',
    ]);
    expect(
      await run('release', 'ICE-2025-E00001', '--agreement', 'cecot-2025', '--reason', 'repatriation'),
    ).toBe(0);
    expect(
      await run('release', 'ICE-2025-E00001', '--agreement', 'cecot-2025', '--reason', 'repatriation'),
    ).toBe(1);
    expect(io.stderr()).toMatch(/no open custody interval/);
    expect(await run('release', 'ICE-2025-E00002', '--agreement', 'cecot-2025', '--reason', 'parole')).toBe(
      1,
    );
    expect(io.stderr()).toMatch(/not a release reason/);
  });

  it('starts a repatriation by ref to the only nationality, once, and never to another country', async () => {
    const officer = ['--as', 'receiving.officer'];
    expect(await run('repatriate', 'ICE-2025-V00003', '--agreement', 'cecot-2025', ...officer)).toBe(0);
    expect(io.stdout()).toMatch(
      /^Repatriation of ICE-2025-V00003 \(.+\) to VE ordered: transfer \S+ \(from \S+\)\.\nIt moves on a repatriation manifest to VE; custody and billing stop at its departure\.\n$/,
    );
    expect(await run('transfers', '--nationality', 'VE', '--status', 'ordered', '--json')).toBe(0);
    expect(JSON.parse(io.stdout()).transfers).toEqual([
      expect.objectContaining({ ref: 'ICE-2025-V00003', status: 'ordered' }),
    ]);
    expect(await run('repatriate', 'ICE-2025-V00003', '--agreement', 'cecot-2025', ...officer)).toBe(1);
    expect(io.stderr()).toMatch(/already has a return or repatriation under way/);
    // The step is the receiving officer's: another role, or the operator without --as, may not take it.
    expect(
      await run('repatriate', 'ICE-2025-V00004', '--agreement', 'cecot-2025', '--as', 'sending.officer'),
    ).toBe(1);
    expect(io.stderr()).toMatch(/only receiving_officer may/);
    // Without --as it is a usage error (exit 2): the option is required.
    expect(await run('repatriate', 'ICE-2025-V00004', '--agreement', 'cecot-2025')).toBe(2);
    expect(io.stderr()).toMatch(/--as <user>/);
    expect(
      await run('repatriate', 'ICE-2025-E00003', '--agreement', 'cecot-2025', '--country', 'VE', ...officer),
    ).toBe(1);
    expect(io.stderr()).toMatch(/"VE" is not one \(SV\)/);
    // The man the court ordered returned in July is no longer in custody.
    expect(await run('repatriate', 'ICE-2025-E00005', '--agreement', 'cecot-2025', ...officer)).toBe(1);
    expect(io.stderr()).toMatch(/has no open custody interval/);
  });

  it('judges consular notification for April 2025: the April Venezuelans, one late and one missing', async () => {
    expect(
      await run(
        'compliance',
        'report',
        '--facility',
        'SV-CECOT',
        '--from',
        '2025-04-01',
        '--to',
        '2025-04-30',
      ),
    ).toBe(0);
    expect(io.stdout()).toMatch(/consular-notification {2}2 findings \(1 high\) on 1 day\n/);
  });

  it('previews intervals to the cent, in CECOT’s zone, storing nothing', async () => {
    const intervals = file(
      'intervals.ndjson',
      [
        // 21:00 on 31 March in San Salvador is 1 April in UTC: 31 March counts, then all of April.
        { ref: 'TZ-EDGE', intakeAt: '2025-04-01T03:00:00Z', releasedAt: null },
        // Arrives 10 April, released at 23:59:30 local on 20 April: 10 days.
        { ref: 'LATE-RELEASE', intakeAt: '2025-04-10T14:00:00Z', releasedAt: '2025-04-21T05:59:30Z' },
        // Released at local midnight ending 5 April: 1–5 April, 5 days (from March).
        { ref: 'MIDNIGHT', intakeAt: '2025-03-20T12:00:00-06:00', releasedAt: '2025-04-06T00:00:00-06:00' },
        // In and out the same day: no custody day.
        { ref: 'SAME-DAY', intakeAt: '2025-04-15T14:00:00Z', releasedAt: '2025-04-15T20:00:00Z' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    expect(
      await run(
        'invoice',
        'preview',
        '--agreement',
        'cecot-2025',
        '--month',
        '2025-04',
        '--intervals',
        intervals,
        '--json',
      ),
    ).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual({
      lines: [
        { ref: 'TZ-EDGE', days: 30, amountCents: 164_384 },
        { ref: 'LATE-RELEASE', days: 10, amountCents: 54_795 },
        { ref: 'MIDNIGHT', days: 5, amountCents: 27_397 },
        { ref: 'SAME-DAY', days: 0, amountCents: 0 },
      ],
      totalCents: 164_384 + 54_795 + 27_397,
    });
    expect(
      await run(
        'invoice',
        'preview',
        '--agreement',
        'cecot-2025',
        '--month',
        '2025-03',
        '--intervals',
        intervals,
        '--json',
      ),
    ).toBe(0);
    expect(JSON.parse(io.stdout()).lines.slice(0, 3)).toEqual([
      { ref: 'TZ-EDGE', days: 1, amountCents: 5_479 },
      { ref: 'LATE-RELEASE', days: 0, amountCents: 0 },
      { ref: 'MIDNIGHT', days: 12, amountCents: 65_753 },
    ]);
    expect(await run('invoice', 'list', '--json')).toBe(0);
    expect(JSON.parse(io.stdout()).documents).toEqual([]);
  });

  it('names every bad line of a preview file, and computes nothing', async () => {
    const bad = file(
      'bad.ndjson',
      [
        '{"ref":"OK","intakeAt":"2025-04-01T03:00:00Z","releasedAt":null}',
        'not json',
        '',
        '{"ref":"","intakeAt":"2025-04-01T03:00:00","releasedAt":null}',
        '{"ref":"BACK","intakeAt":"2025-04-10T00:00:00Z","releasedAt":"2025-04-01T00:00:00Z"}',
      ].join('\n'),
    );
    expect(
      await run(
        'invoice',
        'preview',
        '--agreement',
        'cecot-2025',
        '--month',
        '2025-04',
        '--intervals',
        bad,
        '--json',
      ),
    ).toBe(1);
    const err = io.stderr();
    expect(err).toMatch(/line 2: not JSON/);
    expect(err).toMatch(/line 4: ref must be a non-empty string/);
    expect(err).toMatch(/line 4: intakeAt must be an ISO 8601 instant with its offset/);
    expect(err).toMatch(/line 5: releasedAt is before intakeAt/);
    expect(io.stdout()).toBe('');
    expect(
      await run('invoice', 'preview', '--agreement', 'cecot-2025', '--month', '2025-4', '--intervals', bad),
    ).toBe(1);
  });

  it('generates April 2025, issues it, writes its PDF and CSV, takes a payment, and reports the year', async () => {
    expect(
      await run('invoice', 'generate', '--agreement', 'cecot-2025', '--month', '2025-04', '--json'),
    ).toBe(0);
    const generated = JSON.parse(io.stdout());
    expect(generated.action).toBe('drafted');
    const [draft] = generated.documents;
    expect(draft).toMatchObject({ kind: 'invoice', status: 'draft', month: '2025-04', currency: 'USD' });
    expect(draft.totalCents).toBe(generated.bill.totalCents);
    expect(await run('invoice', 'issue', String(draft.number), '--json')).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({ status: 'issued', balanceCents: draft.totalCents });
    const pdf = join(dir, 'april.pdf');
    expect(await run('invoice', 'pdf', String(draft.number), '--out', pdf)).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // In Spanish with --lang es: the parties by name, the month in words, the issue on CECOT's clock.
    const pdfEs = join(dir, 'abril.pdf');
    expect(await run('invoice', 'pdf', String(draft.number), '--out', pdfEs, '--lang', 'es')).toBe(0);
    const textEs = pdfTextOf(readFileSync(pdfEs));
    expect(textEs).toContain(`Factura n.º ${draft.number}`);
    expect(textEs).toContain('Mes facturado: abril de 2025');
    expect(textEs).toContain('Para: Estados Unidos');
    expect(textEs).toMatch(/Emitida: \d+ \w+ 20\d\d, .+ CST/);
    expect(textEs).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(await run('invoice', 'pdf', String(draft.number), '--out', join(dir, 'missing', 'x.pdf'))).toBe(3);
    expect(io.stderr()).toMatch(/Cannot write .*missing\/x\.pdf: ENOENT/);
    const csvFile = join(dir, 'april.csv');
    expect(await run('invoice', 'show', String(draft.number), '--csv', csvFile, '--json')).toBe(0);
    const detail = JSON.parse(io.stdout());
    const csv = readFileSync(csvFile, 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('number,month,line,kind,ref,days,amount_cents,amount,currency,explanation');
    expect(csv).toHaveLength(detail.lines.length + 1);
    expect(detail.lines.reduce((n: number, l: { amountCents: number }) => n + l.amountCents, 0)).toBe(
      detail.totalCents,
    );

    expect(
      await run(
        'payment',
        'add',
        '--invoice',
        String(draft.number),
        '--amount',
        '1,000.5',
        '--received-on',
        '2025-05-20',
        '--reference',
        'FED-WIRE 42',
        '--json',
      ),
    ).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({
      status: 'partially_paid',
      paidCents: 100_050,
      balanceCents: draft.totalCents - 100_050,
    });
    expect(
      await run(
        'payment',
        'add',
        '--invoice',
        String(draft.number),
        '--amount',
        '-3',
        '--received-on',
        '2025-05-20',
        '--reference',
        'x',
      ),
    ).toBe(1);
    expect(io.stderr()).toMatch(/--amount must be an amount above zero/);

    expect(await run('billing', 'report', '--agreement', 'cecot-2025', '--year', '2025', '--json')).toBe(0);
    const report = JSON.parse(io.stdout());
    const april = report.months.find((m: { month: string }) => m.month === '2025-04');
    expect(april).toMatchObject({
      invoicedCents: draft.totalCents,
      paidCents: 100_050,
      accruedCents: draft.totalCents,
    });
    expect(report.costAvoided.map((c: { id: string }) => c.id)).toEqual(['BOP', 'ICE']);
    expect(report.costAvoided[0].domesticCents).toBe(report.totals.custodyDays * 12_080);
    expect(report.sustainability.receivingSystemYearCents).toBe(20_000_000_000);
    expect(report.obligations).toEqual([
      expect.objectContaining({ report: 'use-of-funds', period: '2025', dueOn: '2026-06-30' }),
    ]);
  });
});
