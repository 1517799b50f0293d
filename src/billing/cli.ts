import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { cliActor, cliLang, type Io, intOption, json, withContext, writeOutputFile } from '../cli-support.js';
import { isIsoDate } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { basisPointsAsPercent, money, parseMoney } from '../core/money.js';
import { MAX_AMOUNT_CENTS } from './contract.js';
import { invoicePdfFile } from './document-file.js';
import { invoiceCsv } from './documents.js';
import * as reads from './reads.js';
import { billingReport, submitUseOfFunds } from './reports.js';
import * as service from './service.js';

function amountOption(value: string, name: string): number {
  const cents = parseMoney(value);
  if (cents === null || cents <= 0) {
    throw new DomainError('invalid_input', 'billing.amount_option', { name, value });
  }
  if (cents > MAX_AMOUNT_CENTS) {
    throw new DomainError('invalid_input', 'billing.amount_too_large', {
      name,
      value,
      max: money(MAX_AMOUNT_CENTS),
    });
  }
  return cents;
}

/** Integer cents as the command line writes them: `1,234.56`, `-1,234.56`, or `1,234.56 USD` with a currency. */
function amount(cents: number, currency?: string | null): string {
  return `${money(cents, '-')}${currency ? ` ${currency}` : ''}`;
}

/** A year between 2000 and 2100. */
function yearOption(value: string): number {
  const year = intOption(value, '--year', 2000)!;
  if (year > 2100) throw new DomainError('invalid_input', 'billing.year_option', { value });
  return year;
}

function dateOption(value: string, name: string): string {
  if (!isIsoDate(value)) throw new DomainError('invalid_input', 'cli.not_a_date', { name, value });
  return value;
}

/** Reads a preview's NDJSON intervals, naming every bad line; nothing is computed if any is bad. */
async function readIntervals(path: string): Promise<service.PreviewInterval[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DomainError('environment', 'cli.cannot_read', {
      path,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  const raw: unknown[] = [];
  const issues: string[] = [];
  const lines = text.split(/\r?\n/);
  const lineOf: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      raw.push(JSON.parse(line));
      lineOf.push(i + 1);
    } catch {
      issues.push(`line ${i + 1}: not JSON`);
    }
  });
  const checked = service.previewIntervals(raw);
  // previewIntervals numbers the parsed values; give the file's line numbers back.
  issues.push(
    ...checked.issues.map((m) => m.replace(/^line (\d+)/, (_, n: string) => `line ${lineOf[Number(n) - 1]}`)),
  );
  if (issues.length > 0) {
    throw new DomainError(
      'invalid_input',
      'billing.intervals_file_invalid',
      { path, count: issues.length, issues },
      { details: { issues } },
    );
  }
  return checked.intervals;
}

function docLine(d: {
  number: number;
  kind: string;
  month: string;
  status: string;
  totalCents: number;
  balanceCents: number;
  currency: string;
}) {
  return `${String(d.number).padStart(5)}  ${d.kind.padEnd(13)} ${d.month}  ${d.status.padEnd(14)} total ${amount(d.totalCents, d.currency).padStart(18)}  balance ${amount(d.balanceCents, d.currency).padStart(18)}\n`;
}

/** `custodia invoice …`, `custodia payment add`, `custodia credit-note add` and `custodia billing …`. */
export function billingCommands(program: Command, io: Io): void {
  const invoice = program
    .command('invoice')
    .description('monthly invoices, their corrections, PDFs and previews');
  invoice
    .command('generate')
    .description("generate an agreement's invoice for a month (a draft), or the corrections of an issued one")
    .requiredOption('--agreement <id>', 'agreement id or code, e.g. cecot-2025')
    .requiredOption('--month <month>', 'YYYY-MM')
    .option('--json', 'machine output')
    .action(async (opts: { agreement: string; month: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const result = await service.generateInvoice(ctx, cliActor(), opts.agreement, opts.month);
        if (opts.json) return json(io, result);
        const said = {
          drafted: 'Drafted',
          redrafted: 'Drafted again (the draft was replaced)',
          corrections: 'The issued invoice no longer matches the custody record; drafted corrections',
          unchanged: 'The issued invoice matches the custody record; nothing to draft',
        }[result.action];
        io.out(
          `${said}: ${opts.month}, ${result.bill.lines} people, ${result.bill.totalDays} custody days, ${amount(result.bill.totalCents)}.\n`,
        );
        for (const d of result.documents) io.out(docLine(d));
      }),
    );
  invoice
    .command('issue')
    .description('issue a draft invoice, supplementary invoice or credit note: it never changes again')
    .argument('<number>', 'document number')
    .option('--due <date>', 'due date, YYYY-MM-DD (default: 30 days after issue)')
    .option('--json', 'machine output')
    .action(async (number: string, opts: { due?: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const doc = await service.issueDocument(
          ctx,
          cliActor(),
          number,
          opts.due ? { dueOn: dateOption(opts.due, '--due') } : {},
        );
        if (opts.json) return json(io, doc);
        io.out(
          `Issued ${doc.kind} ${doc.number} (${doc.month}): ${amount(doc.totalCents, doc.currency)}${doc.dueOn ? `, due ${doc.dueOn}` : ''}.\n`,
        );
      }),
    );
  invoice
    .command('list')
    .description(
      'invoices, supplementary invoices and credit notes, newest first, and the aging of what is owed',
    )
    .option('--agreement <id>', 'agreement id or code')
    .option('--month <month>', 'YYYY-MM')
    .option('--json', 'machine output')
    .action(async (opts: { agreement?: string; month?: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const result = await reads.listInvoices(ctx, cliActor(), {
          ...(opts.agreement ? { agreement: opts.agreement } : {}),
          ...(opts.month ? { month: opts.month } : {}),
        });
        if (opts.json) return json(io, result);
        for (const d of result.documents) io.out(docLine(d));
        const a = result.aging;
        io.out(
          `Outstanding ${amount(a.outstandingCents)} as of ${a.asOf}: ` +
            Object.entries(a.buckets)
              .map(([b, c]) => `${b} ${amount(c)}`)
              .join(', ') +
            '\n',
        );
      }),
    );
  invoice
    .command('show')
    .description('one document with its lines, payments and corrections')
    .argument('<number>', 'document number')
    .option('--csv <file>', 'write its lines as CSV to FILE')
    .option('--json', 'machine output')
    .action(async (number: string, opts: { csv?: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const doc = await reads.invoiceDetail(ctx, cliActor(), number);
        if (opts.csv) await writeOutputFile(opts.csv, invoiceCsv(doc));
        if (opts.json) return json(io, doc);
        io.out(docLine(doc));
        for (const l of doc.lines)
          io.out(
            `  ${l.ref.padEnd(24)} ${String(l.days).padStart(3)} days  ${amount(l.amountCents).padStart(14)}\n`,
          );
        for (const p of doc.payments)
          io.out(`  paid ${amount(p.amountCents)} on ${p.receivedOn} (${p.reference})\n`);
        if (opts.csv) io.out(`Wrote ${opts.csv}.\n`);
      }),
    );
  invoice
    .command('pdf')
    .description(
      'write a document as a PDF in the --lang language, with the agreement clause and fee schedule version',
    )
    .argument('<number>', 'document number')
    .requiredOption('--out <file>', 'the PDF file to write')
    .action(async (number: string, opts: { out: string }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const doc = await reads.invoiceDetail(ctx, cliActor(), number);
        await writeOutputFile(opts.out, await invoicePdfFile(ctx, doc, cliLang(cmd)));
        io.out(`Wrote ${opts.out} (${doc.kind} ${doc.number}, ${doc.lines.length} lines).\n`);
      }),
    );
  invoice
    .command('preview')
    .description(
      'compute the lines for the intervals in an NDJSON file ({"ref","intakeAt","releasedAt"|null} per line) without storing anything',
    )
    .requiredOption('--agreement <id>', 'agreement id or code, e.g. cecot-2025')
    .requiredOption('--month <month>', 'YYYY-MM')
    .requiredOption('--intervals <file>', 'NDJSON file of intervals')
    .option('--json', 'machine output: {"lines":[{"ref","days","amountCents"}],"totalCents"}')
    .action(
      async (opts: { agreement: string; month: string; intervals: string; json?: boolean }, cmd: Command) => {
        const intervals = await readIntervals(opts.intervals);
        await withContext(cmd.optsWithGlobals(), async (ctx) => {
          const bill = await service.previewMonth(ctx, cliActor(), opts.agreement, opts.month, intervals);
          const out = service.previewLines(bill, intervals);
          if (opts.json) return json(io, out);
          for (const l of out.lines)
            io.out(
              `${l.ref.padEnd(24)} ${String(l.days).padStart(3)} days  ${amount(l.amountCents).padStart(14)}\n`,
            );
          io.out(
            `Total ${amount(out.totalCents, bill.currency)} (${opts.month}, days in ${bill.zone}; nothing stored).\n`,
          );
        });
      },
    );

  program
    .command('payment')
    .description('payments against invoices')
    .command('add')
    .description('record a payment received against an issued invoice (never more than is owed)')
    .requiredOption('--invoice <number>', 'document number')
    .requiredOption('--amount <amount>', 'amount received, e.g. 1643.84')
    .requiredOption('--received-on <date>', 'YYYY-MM-DD')
    .requiredOption('--reference <text>', 'the wire or remittance reference')
    .option('--json', 'machine output')
    .action(
      async (
        opts: { invoice: string; amount: string; receivedOn: string; reference: string; json?: boolean },
        cmd: Command,
      ) =>
        withContext(cmd.optsWithGlobals(), async (ctx) => {
          const doc = await service.recordPayment(ctx, cliActor(), opts.invoice, {
            amountCents: amountOption(opts.amount, '--amount'),
            receivedOn: dateOption(opts.receivedOn, '--received-on'),
            reference: opts.reference,
          });
          if (opts.json) return json(io, doc);
          io.out(
            `Recorded. Invoice ${doc.number} is ${doc.status}; balance ${amount(doc.balanceCents, doc.currency)}.\n`,
          );
        }),
    );

  program
    .command('credit-note')
    .description('credit notes against issued invoices')
    .command('add')
    .description('draft a credit note against an issued invoice; issue it to apply it')
    .requiredOption('--invoice <number>', 'document number of the invoice')
    .requiredOption('--amount <amount>', 'amount to credit, e.g. 100.00')
    .requiredOption('--reason <text>', 'why')
    .option('--json', 'machine output')
    .action(async (opts: { invoice: string; amount: string; reason: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const doc = await service.draftCreditNote(ctx, cliActor(), opts.invoice, {
          amountCents: amountOption(opts.amount, '--amount'),
          reason: opts.reason,
        });
        if (opts.json) return json(io, doc);
        io.out(
          `Drafted credit note ${doc.number} for ${amount(doc.totalCents, doc.currency)}; issue it with \`custodia invoice issue ${doc.number}\`.\n`,
        );
      }),
    );

  const billing = program.command('billing').description('billing reports');
  billing
    .command('report')
    .description(
      "a year's revenue against the receiving prison system's cost, the cost avoided, and reports owed",
    )
    .requiredOption('--agreement <id>', 'agreement id or code')
    .requiredOption('--year <year>', 'YYYY')
    .option('--json', 'machine output')
    .action(async (opts: { agreement: string; year: string; json?: boolean }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const report = await billingReport(ctx, cliActor(), opts.agreement, yearOption(opts.year));
        if (opts.json) return json(io, report);
        const t = report.totals;
        io.out(
          `${report.agreement}, ${report.year}: ${t.custodyDays} custody days; fees accrued ${amount(t.accruedCents)}, invoiced ${amount(t.invoicedCents)}, paid ${amount(t.paidCents)} (${report.currency}).\n` +
            `Sustainability: ${basisPointsAsPercent(report.sustainability.accruedShareBasisPoints, '-')}% of the receiving prison system's ${amount(report.sustainability.receivingSystemYearCents)} a year.\n`,
        );
        for (const c of report.costAvoided) {
          io.out(
            `Against ${c.label} (${amount(c.dailyCents)} a day): ${amount(c.domesticCents)} domestic, ${amount(c.avoidedCents)} avoided after fees.\n`,
          );
        }
        for (const o of report.obligations)
          io.out(`Use-of-funds report ${o.period}: due ${o.dueOn}, ${o.status}.\n`);
      }),
    );
  billing
    .command('use-of-funds')
    .description('record that the yearly use-of-funds report was submitted')
    .requiredOption('--agreement <id>', 'agreement id or code')
    .requiredOption('--year <year>', 'YYYY')
    .option('--note <text>', 'where it was filed')
    .action(async (opts: { agreement: string; year: string; note?: string }, cmd: Command) =>
      withContext(cmd.optsWithGlobals(), async (ctx) => {
        const r = await submitUseOfFunds(
          ctx,
          cliActor(),
          opts.agreement,
          yearOption(opts.year),
          opts.note ?? null,
        );
        io.out(`Recorded: use-of-funds report ${r.period} submitted ${r.submittedAt} (due ${r.dueOn}).\n`);
      }),
    );
}
