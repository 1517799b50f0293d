import { DomainError } from '../core/errors.js';
import type { MessageKey, MessageParams } from '../core/messages/index.js';

/** A refusal by a rule of the transfer or manifest workflow: a message of the catalogue, and details. */
export function refusal<K extends MessageKey>(
  key: K,
  params: MessageParams<K>,
  details: Record<string, unknown>,
): DomainError {
  return new DomainError('rule_refusal', key, params, { details });
}

/** Invalid input to a decision. */
export function bad<K extends MessageKey>(
  key: K,
  params: MessageParams<K>,
  details: Record<string, unknown> = {},
): DomainError {
  return new DomainError('invalid_input', key, params, { details });
}

/** True for a string with something other than spaces in it. */
export function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** The decision time as an ISO instant; a decision refuses a clock reading that is not one. */
export function requireNow(now: Date): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw bad('transfer.decision_time_invalid', {});
  }
  return now.toISOString();
}
