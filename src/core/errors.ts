/**
 * One catalogue of typed errors. Domain rules throw `DomainError`: a stable code, a message key and its
 * parameters, whose English and Spanish texts live in `core/messages`. The HTTP layer maps it to RFC 9457
 * problem+json in the reader's language; the CLI maps it to a message on stderr and an exit code.
 */
import type { Lang } from './i18n.js';
import type { Subject } from './messages/common.js';
import { ERROR_TITLES } from './messages/common.js';
import { type MessageKey, type MessageParams, type Params, translate } from './messages/index.js';

/** Stable error codes and how each maps to HTTP status and CLI exit code. */
export const errorCatalogue = {
  invalid_input: { status: 400, exit: 1 },
  malformed_json: { status: 400, exit: 1 },
  invalid_request: { status: 400, exit: 1 },
  unauthenticated: { status: 401, exit: 1 },
  forbidden: { status: 403, exit: 1 },
  not_found: { status: 404, exit: 1 },
  conflict: { status: 409, exit: 1 },
  unsupported_media_type: { status: 415, exit: 1 },
  rule_refusal: { status: 422, exit: 1 },
  rate_limited: { status: 429, exit: 1 },
  environment: { status: 503, exit: 3 },
  internal: { status: 500, exit: 3 },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** The title of an error code in a language (problem+json `title`). */
export function errorTitle(code: ErrorCode, lang: Lang): string {
  return ERROR_TITLES[code][lang];
}

/** One field-level problem inside an `invalid_input` error. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `convictions.0.sentence.days`. */
  field: string;
  /** What was wrong and how to fix it. */
  message: string;
  /** Line number in an import file, when the input came from one. */
  line?: number;
}

/** What a `DomainError` carries besides its message. */
export interface DomainErrorOptions {
  details?: Record<string, unknown>;
  issues?: FieldIssue[];
}

/**
 * A typed error: a stable `code`, a `messageKey` and `params` that say what was wrong and how to fix it in
 * English and Spanish, and details. `message` is the English text.
 *
 * @example
 * throw new DomainError('not_found', 'common.not_found', { subject: 'transfer', id });
 */
export class DomainError<K extends MessageKey = MessageKey> extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey;
  readonly params: Params;
  readonly details: Record<string, unknown>;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, key: K, params: MessageParams<K>, options: DomainErrorOptions = {}) {
    super(translate('en', key, params));
    this.name = 'DomainError';
    this.code = code;
    this.messageKey = key;
    this.params = params as Params;
    this.details = options.details ?? {};
    this.issues = options.issues ?? [];
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  get exitCode(): number {
    return errorCatalogue[this.code].exit;
  }

  /** The message in the reader's language. */
  localized(lang: Lang): string {
    return translate(lang, this.messageKey, this.params as MessageParams<MessageKey>);
  }
}

/** Shorthand for a `not_found` error naming what was looked for, e.g. `notFound('transfer', id)`. */
export function notFound(subject: Subject, id: string): DomainError {
  return new DomainError('not_found', 'common.not_found', { subject, id }, { details: { subject, id } });
}

/** Shorthand for an `invalid_input` error with its field issues. */
export function invalidInput<K extends MessageKey>(
  key: K,
  params: MessageParams<K>,
  issues: FieldIssue[] = [],
): DomainError<K> {
  return new DomainError('invalid_input', key, params, { issues });
}
