import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { PersonRecordInput } from '../../src/people/model.js';
import { generateRoster } from './roster.js';

/**
 * Writes a synthetic roster as NDJSON, for big import files:
 *
 *   node --import tsx scenarios/cecot-2025/write-roster.ts --count 1500000 --seed 2025 --out roster.ndjson
 *
 * Without --out it writes to stdout. Exit codes follow the CLI's: 2 for bad usage, 3 for a file error.
 */

const USAGE =
  'usage: node --import tsx scenarios/cecot-2025/write-roster.ts --count N --seed S [--as-of YYYY-MM-DD] [--out FILE]\n' +
  '(write a negative seed as --seed=-1)';

// Lines are joined into chunks so the stream sees a few thousand writes, not 1.5 million.
const LINES_PER_CHUNK = 200;

/**
 * Writes one JSON line per person to `out`, waiting for `drain` whenever the stream's buffer is full so
 * that memory stays flat however long the roster. Resolves with the number of lines written.
 */
export async function writeNdjson(people: Iterable<PersonRecordInput>, out: Writable): Promise<number> {
  let written = 0;
  let chunk = '';
  let pending = 0;
  const flush = async (): Promise<void> => {
    if (pending === 0) return;
    const ok = out.write(chunk);
    chunk = '';
    pending = 0;
    if (!ok) await once(out, 'drain');
  };
  for (const person of people) {
    chunk += `${JSON.stringify(person)}\n`;
    pending++;
    written++;
    if (pending === LINES_PER_CHUNK) await flush();
  }
  await flush();
  return written;
}

/** The parsed command line: how many people, which seed, which day, and where to write. */
export interface WriteRosterArgs {
  count: number;
  seed: number;
  asOf: string | undefined;
  out: string | undefined;
}

/** Parses the command line, throwing a usage message that says what to fix. */
export function parseWriteRosterArgs(argv: readonly string[]): WriteRosterArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const whole = (name: string, value: string | undefined, min: number): number => {
    if (value === undefined) throw new Error(`--${name} is missing\n${USAGE}`);
    const number = Number(value.replace(/_/g, ''));
    if (!Number.isSafeInteger(number) || number < min) {
      throw new Error(
        `--${name} must be a whole number${min === 0 ? ' 0 or more' : ''}, got ${value}\n${USAGE}`,
      );
    }
    return number;
  };
  return {
    count: whole('count', values.count, 0),
    seed: whole('seed', values.seed, Number.MIN_SAFE_INTEGER),
    asOf: values['as-of'],
    out: values.out,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  let args: WriteRosterArgs;
  let people: Generator<PersonRecordInput>;
  try {
    args = parseWriteRosterArgs(argv);
    people = generateRoster({
      count: args.count,
      seed: args.seed,
      ...(args.asOf ? { asOf: args.asOf } : {}),
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const out = args.out ? createWriteStream(args.out) : process.stdout;
  // A failed write (disk full, closed pipe) surfaces as an 'error' event; turn it into a rejection.
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  try {
    const written = await Promise.race([writeNdjson(people, out), failed]);
    if (out !== process.stdout) {
      out.end();
      await Promise.race([once(out, 'finish'), failed]);
    }
    process.stderr.write(`wrote ${written} people${args.out ? ` to ${args.out}` : ''}\n`);
    return 0;
  } catch (error) {
    // Someone closed our stdout (e.g. `| head`): stopping early is what they asked for.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    process.stderr.write(
      `cannot write the roster: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 3;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
