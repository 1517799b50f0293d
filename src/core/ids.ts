import { randomBytes } from 'node:crypto';
import { DomainError } from './errors.js';
import { translate } from './messages/index.js';

/**
 * UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random bits. Ids sort by creation time,
 * which keeps B-tree inserts local and makes cursor pagination stable.
 */
export function uuidv7(nowMs: number = Date.now(), random: Uint8Array = randomBytes(10)): string {
  const bytes = new Uint8Array(16);
  let ms = BigInt(nowMs);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = Number(ms & 0xffn);
    ms >>= 8n;
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A deterministic id source for scenarios and tests: same seed, same ids. */
export function seededIds(seed: number, startMs: number): () => string {
  let counter = 0;
  let state = seed >>> 0 || 1;
  return () => {
    const random = new Uint8Array(10);
    for (let i = 0; i < 10; i++) {
      // xorshift32: cheap and deterministic; these ids need uniqueness, not secrecy.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      random[i] = state & 0xff;
    }
    counter++;
    return uuidv7(startMs + counter, random);
  };
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is written as a UUID (any version), the form every id column holds. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Refuses a paging cursor that is not an id this list could have returned (a list paged by id hands out
 * the last id as its cursor), naming the cursor; comparing anything else to a uuid column was a 500.
 */
export function requireIdCursor(cursor: string | undefined): void {
  if (cursor === undefined || cursor === '' || isUuid(cursor)) return;
  throw new DomainError(
    'invalid_input',
    'cursor.invalid',
    {},
    {
      issues: [{ field: 'cursor', message: translate('en', 'cursor.invalid', {}) }],
    },
  );
}
