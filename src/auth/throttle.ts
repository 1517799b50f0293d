import { isIPv6 } from 'node:net';
import type { Clock } from '../core/clock.js';
import { DomainError } from '../core/errors.js';

/**
 * Login throttling, per client address and per account, kept in memory (docs/decisions/0015): a failed
 * sign-in counts against the address it came from and against the account name it tried. Each may fail a
 * few times freely; after that every further attempt waits, 30 seconds after the first failure beyond the
 * allowance, doubling with each failure up to 15 minutes. The counts are forgotten after an hour without a
 * failure; a successful sign-in clears the account's count (never the address's, so one's own account
 * cannot launder guesses at others). An address the account has signed in from before is not held by
 * the account's wait, only by its own: guesses spread over many addresses cannot lock the owner out of
 * the address they use.
 */

/** The wait after the first failure beyond the allowance; each further failure doubles it. */
export const FIRST_WAIT_MS = 30_000;
/** The longest wait. */
export const MAX_WAIT_MS = 15 * 60_000;
/** A count is forgotten this long after its last failure. Longer than the longest wait, so waiting out a
 * wait does not reset it. */
export const FORGET_AFTER_MS = 60 * 60_000;
/** How long an address an account signed in from stays known to it. */
export const KNOWN_FOR_MS = 30 * 24 * 3600_000;
/** An account allows this many times the per-address allowance, from all addresses together: one address
 * is throttled well before the account, so the owner elsewhere is not locked out by one guesser. */
export const ACCOUNT_FACTOR = 2;
/** The most keys each table holds; the least recently touched go first. Bounds the memory a flood of
 * names or addresses can take. */
export const MAX_KEYS = 50_000;

/** The wait after `failures` failed attempts when `free` are allowed: 0, then 30 s, 1, 2, 4, 8, 15 minutes. */
export function waitAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** Math.min(failures - free, 30), MAX_WAIT_MS);
}

/** Why an attempt is refused, and from when it may be made. */
export interface Throttled {
  scope: 'address' | 'account';
  retryAt: Date;
}

interface Count {
  failures: number;
  /** Attempts begun and not finished: beyond the allowance only one may be under way at a time. */
  pending: number;
  lastFailure: number;
  /** No attempt before this instant (ms). */
  until: number;
}

/** Keys in the order they were last touched, at most MAX_KEYS of them. */
class RecentMap<V> {
  private readonly entries = new Map<string, V>();
  get(key: string): V | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size <= MAX_KEYS) return;
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** What became of a sign-in attempt: a wrong name or password, a session, or any other error. */
type Outcome = 'failed' | 'succeeded' | 'abandoned';

/** The failed attempts of one kind of key (addresses, or accounts) and the waits they impose. */
class Counts {
  private readonly counts = new RecentMap<Count>();
  constructor(readonly free: number) {}

  /** The count of `key` at `now`, forgotten after an hour without a failure. */
  read(key: string, now: number): Count {
    const count = this.counts.get(key);
    if (!count) return { failures: 0, pending: 0, lastFailure: 0, until: 0 };
    if (count.pending === 0 && now - count.lastFailure >= FORGET_AFTER_MS) {
      this.counts.delete(key);
      return { failures: 0, pending: 0, lastFailure: 0, until: 0 };
    }
    return count;
  }

  /** When `key` may next try, or null if it may now. */
  blockedUntil(key: string, now: number): number | null {
    const count = this.read(key, now);
    if (count.until > now) return count.until;
    // Beyond the allowance, one attempt at a time: a burst sent together must not all slip past a wait
    // that only the first failure would set.
    if (count.pending > 0 && count.failures + count.pending >= this.free) return now + 1000;
    return null;
  }

  begin(key: string, now: number): void {
    const count = this.read(key, now);
    this.counts.set(key, { ...count, pending: count.pending + 1 });
  }

  finish(key: string, now: number, outcome: Outcome, clear: boolean): void {
    const count = this.read(key, now);
    const pending = Math.max(count.pending - 1, 0);
    if (outcome === 'failed') {
      const failures = count.failures + 1;
      const wait = waitAfter(failures, this.free);
      this.counts.set(key, { failures, pending, lastFailure: now, until: wait > 0 ? now + wait : 0 });
      return;
    }
    const kept =
      outcome === 'succeeded' && clear
        ? { failures: 0, pending, lastFailure: 0, until: 0 }
        : { ...count, pending };
    if (kept.failures === 0 && kept.pending === 0) this.counts.delete(key);
    else this.counts.set(key, kept);
  }
}

/**
 * The login throttle of one server process. `guard` wraps a sign-in: it refuses at once (429, with the
 * time to try again) while the address or the account must wait, and otherwise counts the attempt's
 * outcome.
 */
export class LoginThrottle {
  private readonly addresses: Counts;
  private readonly accounts: Counts;
  /** `account \0 address` → when the account last signed in from that address. */
  private readonly known = new RecentMap<number>();

  /** `perAddress`: failures an address may make before it waits; an account allows ACCOUNT_FACTOR times more. */
  constructor(
    private readonly clock: Clock,
    perAddress: number,
  ) {
    this.addresses = new Counts(perAddress);
    this.accounts = new Counts(perAddress * ACCOUNT_FACTOR);
  }

  /** Whether an attempt from `ip` at the account `name` must wait now, and until when. */
  check(ip: string, name: string): Throttled | null {
    const now = this.clock.now().getTime();
    const address = addressKey(ip);
    const account = accountKey(name);
    const byAddress = this.addresses.blockedUntil(address, now);
    const byAccount = this.isKnown(account, address, now) ? null : this.accounts.blockedUntil(account, now);
    if (byAddress === null && byAccount === null) return null;
    // Say the later time: the attempt is refused until both allow it.
    if (byAccount === null || (byAddress !== null && byAddress >= byAccount)) {
      return { scope: 'address', retryAt: new Date(byAddress ?? now) };
    }
    return { scope: 'account', retryAt: new Date(byAccount) };
  }

  /**
   * Runs `signIn` unless the address or the account must wait (then throws a `rate_limited` refusal that
   * says when to try again). A refusal with `auth.login_failed` counts as a failure; any other error
   * counts as nothing.
   */
  async guard<T>(ip: string, name: string, signIn: () => Promise<T>): Promise<T> {
    const throttled = this.check(ip, name);
    if (throttled) throw loginThrottled(throttled, this.clock.now());
    const address = addressKey(ip);
    const account = accountKey(name);
    const started = this.clock.now().getTime();
    this.addresses.begin(address, started);
    this.accounts.begin(account, started);
    let outcome: Outcome = 'abandoned';
    try {
      const result = await signIn();
      outcome = 'succeeded';
      return result;
    } catch (error) {
      if (error instanceof DomainError && error.messageKey === 'auth.login_failed') outcome = 'failed';
      throw error;
    } finally {
      const now = this.clock.now().getTime();
      this.addresses.finish(address, now, outcome, false);
      this.accounts.finish(account, now, outcome, true);
      if (outcome === 'succeeded') this.known.set(`${account}\u0000${address}`, now);
    }
  }

  private isKnown(account: string, address: string, now: number): boolean {
    const key = `${account}\u0000${address}`;
    const since = this.known.get(key);
    if (since === undefined) return false;
    if (now - since < KNOWN_FOR_MS) return true;
    this.known.delete(key);
    return false;
  }
}

/** The refusal of a throttled attempt: 429 with the time to try again, in the reader's language. */
export function loginThrottled(throttled: Throttled, now: Date): DomainError {
  const retryAfterSeconds = Math.max(Math.ceil((throttled.retryAt.getTime() - now.getTime()) / 1000), 1);
  const retryAt = new Date(now.getTime() + retryAfterSeconds * 1000).toISOString();
  return throttled.scope === 'address'
    ? new DomainError('rate_limited', 'auth.login_throttled_address', { retryAt, retryAfterSeconds })
    : new DomainError('rate_limited', 'auth.login_throttled_account', { retryAt, retryAfterSeconds });
}

/**
 * The key of a client address: an IPv4 address as it is (also when written IPv4-mapped, `::ffff:a.b.c.d`),
 * an IPv6 address by its /64 network, since one subscriber is usually given a whole /64.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  const bare = ip.replace(/%.*$/, '');
  if (!isIPv6(bare)) return ip;
  return `${ipv6Groups(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, in lower-case hex without leading zeros. */
function ipv6Groups(ip: string): string[] {
  const [head = '', tail] = ip.split('::');
  const part = (text: string) =>
    text === '' ? [] : text.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const before = part(head);
  const after = tail === undefined ? [] : part(tail);
  const zeros = Array.from({ length: 8 - before.length - after.length }, () => '0');
  return [...before, ...zeros, ...after].map((group) => Number.parseInt(group, 16).toString(16));
}

/** The key of an account: the name as tried, whether or not such a user exists (so a refusal never tells). */
export function accountKey(name: string): string {
  return name.trim().toLowerCase();
}
