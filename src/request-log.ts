import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where `custodia serve` appends its request log, under the data directory (which holds the key either way). */
export function requestLogPath(dataDir: string): string {
  return join(dataDir, 'logs', 'requests.ndjson');
}

/** A destination for the server's log lines, as pino writes them (one JSON document per line). */
export interface RequestLog {
  write(line: string): void;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/** pino's numeric levels: 40 is a warning, 50 an error, 60 fatal. */
const LEVEL_NAMES: Record<number, string> = { 40: 'Warning', 50: 'Error', 60: 'Fatal' };
const LEVEL_PREFIX = /^\{"level":(\d+)/;

/**
 * Appends every log line to `path` (created with its folder, readable only by the owner: it holds client
 * addresses and the URLs they asked for) and echoes warnings and errors to `echo` as one short human line,
 * so a terminal shows what needs attention without a JSON line per request.
 */
export function openRequestLog(path: string, echo: (text: string) => void): RequestLog {
  mkdirSync(dirname(path), { recursive: true });
  const file = createWriteStream(path, { flags: 'a', mode: 0o600 });
  return {
    write(line) {
      file.write(line);
      const level = Number(LEVEL_PREFIX.exec(line)?.[1] ?? 0);
      if (level < 40) return;
      echo(`${summarize(line, LEVEL_NAMES[level] ?? 'Error')} (details in ${path})\n`);
    },
    close: () => new Promise((resolve) => file.end(resolve)),
  };
}

/** "Error: unhandled error: <reason> [request req-1]", from a pino line; the raw line when it is not JSON. */
function summarize(line: string, levelName: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return `${levelName}: ${line.trim()}`;
  }
  if (typeof entry !== 'object' || entry === null) return `${levelName}: ${line.trim()}`;
  const fields = new Map(Object.entries(entry));
  const text = [String(fields.get('msg') ?? '')];
  const err = fields.get('err');
  if (typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string') {
    text.push(err.message);
  }
  const reqId = fields.get('reqId');
  const request = typeof reqId === 'string' || typeof reqId === 'number' ? ` [request ${reqId}]` : '';
  return `${levelName}: ${text.filter(Boolean).join(': ')}${request}`;
}
