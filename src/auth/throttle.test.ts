import { describe, expect, it } from 'vitest';
import { FixedClock } from '../core/clock.js';
import { DomainError } from '../core/errors.js';
import {
  ACCOUNT_FACTOR,
  addressKey,
  FIRST_WAIT_MS,
  FORGET_AFTER_MS,
  LoginThrottle,
  MAX_WAIT_MS,
  waitAfter,
} from './throttle.js';

const PER_ADDRESS = 10;
const wrong = async (): Promise<never> => {
  throw new DomainError('unauthenticated', 'auth.login_failed', {});
};
const right = async () => 'signed in';

/** The refusal an attempt ended in; fails the test if it was not refused. */
function refusal(outcome: string | DomainError): DomainError {
  if (!(outcome instanceof DomainError)) throw new Error(`expected a refusal, got ${outcome}`);
  return outcome;
}

/** A throttle on a fixed clock, and a helper that tries a sign-in and says what happened. */
function aThrottle() {
  const clock = new FixedClock('2025-03-01T12:00:00Z');
  const throttle = new LoginThrottle(clock, PER_ADDRESS);
  const attempt = async (ip: string, name: string, signIn: () => Promise<string> = wrong) => {
    try {
      return await throttle.guard(ip, name, signIn);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'rate_limited') return error;
      if (error instanceof DomainError && error.messageKey === 'auth.login_failed') return 'failed';
      throw error;
    }
  };
  return { clock, throttle, attempt };
}

describe('the login throttle', () => {
  it('waits nothing within the allowance, then 30 s doubling to 15 minutes', () => {
    const waits = Array.from({ length: 18 }, (_, i) => waitAfter(i + 1, PER_ADDRESS) / 1000);
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900]);
    expect(waitAfter(10_000, PER_ADDRESS)).toBe(MAX_WAIT_MS);
  });

  it('lets one address fail 10 times, then refuses it until the wait is over, the wait growing with each failure', async () => {
    const { clock, attempt } = aThrottle();
    for (let i = 0; i < PER_ADDRESS; i++) {
      expect(await attempt('10.0.0.1', `user${i}`)).toBe('failed');
    }
    const refused = refusal(await attempt('10.0.0.1', 'someone.else'));
    expect(refused.messageKey).toBe('auth.login_throttled_address');
    expect(refused.params).toEqual({ retryAt: '2025-03-01T12:00:30.000Z', retryAfterSeconds: 30 });
    expect(refused.message).toBe(
      'Too many failed sign-ins from this address. Try again at 12:00:30 UTC (in 30 seconds).',
    );
    expect(refused.localized('es')).toBe(
      'Demasiados intentos fallidos de inicio de sesión desde esta dirección. Inténtelo de nuevo a las 12:00:30 UTC (dentro de 30 segundos).',
    );
    // Each failure after a wait doubles the next wait: 1, 2, 4, 8 and then 15 minutes at most.
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      clock.advance(FIRST_WAIT_MS * 2 ** i);
      const waited = await attempt('10.0.0.1', 'x');
      if (waited !== 'failed') throw new Error(`attempt ${i} refused`);
      waits.push(Number(refusal(await attempt('10.0.0.1', 'x')).params.retryAfterSeconds));
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
    const last = refusal(await attempt('10.0.0.1', 'x'));
    expect(last.message).toMatch(/\(in 15 minutes\)\.$/);
    expect(last.localized('es')).toMatch(/\(dentro de 15 minutos\)\.$/);
  });

  it('still signs the right password in from another address while one address waits', async () => {
    const { attempt } = aThrottle();
    for (let i = 0; i < PER_ADDRESS; i++) await attempt('10.0.0.1', 'ana.officer');
    expect(await attempt('10.0.0.1', 'ana.officer', right)).toBeInstanceOf(DomainError);
    expect(await attempt('10.0.0.2', 'ana.officer', right)).toBe('signed in');
  });

  it('limits guesses at one account spread over many addresses, and says so', async () => {
    const { attempt } = aThrottle();
    const perAccount = PER_ADDRESS * ACCOUNT_FACTOR;
    // Four addresses, five guesses each: no address reaches its own limit.
    for (let i = 0; i < perAccount; i++) {
      expect(await attempt(`10.0.0.${i % 4}`, 'ana.officer')).toBe('failed');
    }
    const refused = refusal(await attempt('10.0.0.9', 'ana.officer', right));
    expect(refused.messageKey).toBe('auth.login_throttled_account');
    expect(refused.message).toBe(
      'Too many failed sign-ins to this account. Try again at 12:00:30 UTC (in 30 seconds).',
    );
    expect(refused.localized('es')).toBe(
      'Demasiados intentos fallidos de inicio de sesión en esta cuenta. Inténtelo de nuevo a las 12:00:30 UTC (dentro de 30 segundos).',
    );
    // Another account from the same addresses is not held.
    expect(await attempt('10.0.0.9', 'mo.monitor', right)).toBe('signed in');
  });

  it("lets the owner in from an address they signed in from before, while the account's guessers wait", async () => {
    const { attempt } = aThrottle();
    expect(await attempt('10.0.0.50', 'ana.officer', right)).toBe('signed in');
    for (let i = 0; i < PER_ADDRESS * ACCOUNT_FACTOR; i++) await attempt(`10.0.1.${i % 4}`, 'ana.officer');
    expect(await attempt('10.0.1.99', 'ana.officer', right)).toBeInstanceOf(DomainError);
    expect(await attempt('10.0.0.50', 'ana.officer', right)).toBe('signed in');
  });

  it("clears an account's count on success but never an address's, and forgets both after an hour", async () => {
    const { clock, attempt } = aThrottle();
    for (let i = 0; i < PER_ADDRESS - 1; i++) await attempt('10.0.0.1', 'ana.officer');
    // Signing in to one's own account does not buy more guesses from that address.
    expect(await attempt('10.0.0.1', 'ana.officer', right)).toBe('signed in');
    expect(await attempt('10.0.0.1', 'mo.monitor')).toBe('failed');
    expect(await attempt('10.0.0.1', 'mo.monitor')).toBeInstanceOf(DomainError);
    clock.advance(FORGET_AFTER_MS);
    expect(await attempt('10.0.0.1', 'mo.monitor')).toBe('failed');
    expect(await attempt('10.0.0.1', 'mo.monitor')).toBe('failed');
  });

  it('counts an attempt that ended in another error as nothing', async () => {
    const { attempt } = aThrottle();
    const down = async (): Promise<string> => {
      throw new DomainError('environment', 'config.database_url', {});
    };
    for (let i = 0; i < PER_ADDRESS * 3; i++) {
      await expect(attempt('10.0.0.1', 'ana.officer', down)).rejects.toThrow(/DATABASE_URL/);
    }
    expect(await attempt('10.0.0.1', 'ana.officer', right)).toBe('signed in');
  });

  it('lets no more than the allowance through when guesses arrive all at once', async () => {
    const { attempt } = aThrottle();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowWrong = async (): Promise<string> => {
      await gate;
      return wrong();
    };
    const burst = Array.from({ length: 40 }, () => attempt('10.0.0.1', 'ana.officer', slowWrong));
    release();
    const outcomes = await Promise.all(burst);
    expect(outcomes.filter((o) => o === 'failed')).toHaveLength(PER_ADDRESS);
  });

  it('keys an IPv6 client by its /64 and an IPv4-mapped address as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });
});
