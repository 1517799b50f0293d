/**
 * One catalogue of typed errors. Domain rules throw `DomainError`; the HTTP layer maps it to RFC 9457
 * problem+json and the CLI maps it to a message on stderr and an exit code.
 */

/** Stable error codes and how each maps to HTTP status and CLI exit code. */
export const errorCatalogue = {
  invalid_input: { status: 400, exit: 1, title: 'Invalid input' },
  malformed_json: { status: 400, exit: 1, title: 'Malformed JSON' },
  unauthenticated: { status: 401, exit: 1, title: 'Authentication required' },
  forbidden: { status: 403, exit: 1, title: 'Permission denied' },
  not_found: { status: 404, exit: 1, title: 'Not found' },
  conflict: { status: 409, exit: 1, title: 'Conflict' },
  rule_refusal: { status: 422, exit: 1, title: 'Refused by a rule' },
  rate_limited: { status: 429, exit: 1, title: 'Too many requests' },
  environment: { status: 503, exit: 3, title: 'Environment problem' },
  internal: { status: 500, exit: 3, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** One field-level problem inside an `invalid_input` error. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `convictions.0.sentence.days`. */
  field: string;
  /** What was wrong and how to fix it. */
  message: string;
  /** Line number in an import file, when the input came from one. */
  line?: number;
}

/** A typed error with a stable code, a human message that says how to fix it, and details. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly issues: FieldIssue[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; issues?: FieldIssue[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = options.details ?? {};
    this.issues = options.issues ?? [];
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  get exitCode(): number {
    return errorCatalogue[this.code].exit;
  }
}

/** Shorthand for a `not_found` error naming what was looked for. */
export function notFound(what: string, id: string): DomainError {
  return new DomainError(
    'not_found',
    `${what} ${id} does not exist. Check the id, or list them to find it.`,
    {
      details: { what, id },
    },
  );
}

/** Shorthand for an `invalid_input` error. */
export function invalidInput(message: string, issues: FieldIssue[] = []): DomainError {
  return new DomainError('invalid_input', message, { issues });
}
