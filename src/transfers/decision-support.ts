import { DomainError } from '../core/errors.js';

/** A refusal by a rule of the transfer or manifest workflow. */
export function refusal(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('rule_refusal', message, { details });
}

/** Invalid input to a decision. */
export function bad(message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('invalid_input', message, { details });
}

/** True for a string with something other than spaces in it. */
export function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** The decision time as an ISO instant; a decision refuses a clock reading that is not one. */
export function requireNow(now: Date): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw bad('The decision time is not a valid instant; pass the clock reading as a Date.');
  }
  return now.toISOString();
}
