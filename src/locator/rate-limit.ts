import { addressKey } from '../auth/throttle.js';
import type { Clock } from '../core/clock.js';
import { DomainError } from '../core/errors.js';

/**
 * The public locator's limit per client address: at most `perMinute` queries in any 60 seconds (a sliding
 * window), kept in memory, one per server process. Addresses are keyed as the login throttle keys them
 * (an IPv6 address by its /64), so one subscriber cannot spread queries over its addresses. The limit is
 * what stops anyone from walking the A-number space: 10 a minute is 5,000 years for a billion numbers.
 */
export class LocatorRateLimit {
  /** Address key → the instants (ms) of its queries in the last minute, oldest first. */
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    readonly perMinute: number,
    /** The most addresses remembered; the least recently seen are forgotten first. */
    private readonly maxKeys = 50_000,
    /** The refusal's words: the public statistics share this limiter. */
    private readonly messageKey: 'locator.rate_limited' | 'statistics.rate_limited' = 'locator.rate_limited',
  ) {}

  /** Counts a query from `ip`, or throws `rate_limited` with the seconds to wait (Retry-After). */
  take(ip: string): void {
    const now = this.clock.now().getTime();
    const key = addressKey(ip);
    const times = (this.recent.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length >= this.perMinute) {
      const oldest = times[0] ?? now;
      const retryAfterSeconds = Math.max(Math.ceil((oldest + WINDOW_MS - now) / 1000), 1);
      this.remember(key, times);
      throw new DomainError('rate_limited', this.messageKey, {
        retryAfterSeconds,
        limit: this.perMinute,
        retryAt: new Date(now + retryAfterSeconds * 1000).toISOString(),
      });
    }
    times.push(now);
    this.remember(key, times);
  }

  private remember(key: string, times: number[]): void {
    this.recent.delete(key);
    this.recent.set(key, times);
    if (this.recent.size <= this.maxKeys) return;
    const oldest = this.recent.keys().next();
    if (!oldest.done) this.recent.delete(oldest.value);
  }
}

const WINDOW_MS = 60_000;
