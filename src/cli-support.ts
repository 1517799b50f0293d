import { createReadStream, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { openContext } from './app.js';
import { loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { systemClock } from './core/clock.js';
import { DomainError } from './core/errors.js';
import { isLang, type Lang } from './core/i18n.js';
import type { Durability } from './db/database.js';
import type { Actor } from './ledger/events.js';

/** Output streams, injectable so CLI tests capture them. */
export interface Io {
  out: (text: string) => void;
  /** Writes to stdout and waits while the reader is behind, so streamed output keeps memory flat. */
  write: (text: string) => Promise<void>;
  err: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
}

/** The real process streams. */
export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  write: (text) =>
    process.stdout.write(text)
      ? Promise.resolve()
      : new Promise((resolve) => process.stdout.once('drain', resolve)),
  err: (text) => process.stderr.write(text),
  stdin: process.stdin,
  isTTY: Boolean(process.stderr.isTTY),
};

/**
 * The CLI acts as the local operator: whoever can read the data directory already controls the
 * installation. Its actions are recorded under `cli:<os user>` so the ledger says who ran them.
 */
export function cliActor(): Actor {
  let name = 'operator';
  try {
    name = userInfo().username || name;
  } catch {
    // No user database entry (some containers): keep the generic name.
  }
  return { id: `cli:${name}`, role: 'system', userId: null };
}

/** Opens the context for a command's `--data` (and `serve --log`) option, runs `work`, and always closes the database. */
export async function withContext<T>(
  options: { data?: string; log?: string },
  work: (ctx: AppContext) => Promise<T>,
  extra: { origin?: string; readOnly?: boolean; durability?: Durability } = {},
): Promise<T> {
  const config = loadConfig(process.env, { data: options.data, log: options.log });
  const ctx = await openContext(config, { clock: systemClock, ...extra });
  try {
    return await work(ctx);
  } finally {
    await ctx.handle.close();
  }
}

/** The language of messages and explanations: the global `--lang en|es` (default English). */
export function cliLang(cmd: { optsWithGlobals(): { lang?: string } }): Lang {
  const lang = cmd.optsWithGlobals().lang ?? 'en';
  if (!isLang(lang)) throw new DomainError('invalid_input', 'input.lang', { value: lang });
  return lang;
}

/**
 * Parses a whole number option written in digits, or explains what is expected: `1e9`, `2.5`, `0x10` and
 * an empty value are refused even where `Number` would read them, since a count is typed digit by digit.
 * With `max`, the message names both bounds: `intOption('1e9', '--counted', 0, 1_000_000)` refuses.
 */
export function intOption(
  value: string | undefined,
  name: string,
  min = 0,
  max?: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  const inRange = Number.isSafeInteger(n) && n >= min && (max === undefined || n <= max);
  if (inRange) return n;
  if (max !== undefined)
    throw new DomainError('invalid_input', 'input.whole_number_range', { name, min, max, value });
  throw new DomainError('invalid_input', 'input.whole_number', { name, min, value });
}

/** Reads all of stdin as text. */
export async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes an output file, or explains which file could not be written and why (no stack trace). */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (error) {
    throw new DomainError('environment', 'cli.cannot_write', {
      path,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Prints JSON on one line. */
export function json(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value)}\n`);
}

/**
 * Opens a file for streaming with a byte counter for a progress bar: returns its size and the chunks.
 * A missing or unreadable file is an environment error naming the path.
 */
export function readFileChunks(path: string, onBytes: (bytesRead: number) => void) {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    // The error code (ENOENT, EACCES) says it best; the message when there is none.
    const code =
      error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
    const reason = code ?? (error instanceof Error ? error.message : String(error));
    throw new DomainError('environment', 'cli.cannot_read_check_path', { path, reason });
  }
  async function* chunks(): AsyncGenerator<Buffer> {
    let read = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      read += (chunk as Buffer).length;
      onBytes(read);
      yield chunk as Buffer;
    }
  }
  return { size, chunks: chunks() };
}
