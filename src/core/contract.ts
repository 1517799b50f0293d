/**
 * What every feature's HTTP contract shares: the RFC 9457 problem document every error answers with, the
 * standard problem responses a route declares, and the wire form of a response type (what the web reads).
 */
import { z } from 'zod';
import { type ErrorCode, errorCatalogue } from './errors.js';

/** The stable error codes, in the catalogue's order (a client switches on these). */
export const ERROR_CODES = Object.keys(errorCatalogue).filter((code): code is ErrorCode =>
  Object.hasOwn(errorCatalogue, code),
);

/** One field-level problem of an `invalid_input` error. */
export const fieldIssueSchema = z.object({
  field: z.string().describe('dotted path of the field, e.g. `body.convictions.0.sentence.days`'),
  message: z.string().describe('what was wrong and how to fix it'),
  line: z.number().int().optional().describe('line of an import file, when the input came from one'),
});

/** A value a message parameter may hold (JSON-safe). */
const paramSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
  z.array(z.number()),
]);

/**
 * The `application/problem+json` body the error handler sends (src/server.ts): RFC 9457's members, the
 * stable `code`, and the message key with its parameters so a client can word the refusal itself.
 * Extension members are allowed (RFC 9457 §3.2), e.g. the report of an import whose rows were rejected.
 */
export const problemSchema = z
  .looseObject({
    type: z.string().describe('a URI naming the kind of problem'),
    title: z.string().describe("the error code's title in the reader's language"),
    status: z.number().int().describe('the HTTP status'),
    detail: z
      .string()
      .describe("what was wrong and how to fix it, in the reader's language (Accept-Language)"),
    code: z.enum(ERROR_CODES).describe('the stable error code'),
    messageKey: z.string().describe('the key of the message in the catalogue'),
    params: z.record(z.string(), paramSchema).describe('the parameters of the message'),
    issues: z.array(fieldIssueSchema).optional().describe('the fields that were wrong (invalid_input)'),
  })
  .describe('An RFC 9457 problem document');

/** The problem+json body, as a client receives it. */
export type Problem = z.output<typeof problemSchema>;

/** The error statuses a route may declare, and what each means in this API. */
export const PROBLEM_STATUSES = {
  400: 'Invalid input: a field, the query or the JSON body is wrong (issues names each field)',
  401: 'Not signed in: send a bearer token or the session cookie',
  403: "Forbidden: the user's role lacks the permission, or the x-csrf-token header is missing",
  404: 'Not found: the resource named in the path or the body does not exist',
  409: 'Conflict: it already exists or was already done',
  422: 'Refused by a rule: the detail names the rule, the fact that failed it and its source',
  429: 'Too many requests: wait and try again',
} as const;

/** An error status a route may declare. */
export type ProblemStatus = keyof typeof PROBLEM_STATUSES;

/** A response of `application/problem+json` with the shared problem schema. */
export function problemResponse(status: ProblemStatus) {
  return {
    description: PROBLEM_STATUSES[status],
    content: { 'application/problem+json': { schema: problemSchema } },
  };
}

/**
 * A response of one content type with a description, e.g. a file download:
 * `fileResponse('text/csv', 'The lines as CSV')`.
 */
export function contentResponse<S extends z.ZodType>(contentType: string, schema: S, description: string) {
  return { description, content: { [contentType]: { schema } } };
}

/** A calendar date `YYYY-MM-DD` in a response. */
export const dateString = z.string().describe('a calendar date, YYYY-MM-DD');

/** An instant in a response, as the database gives it (a Date), sent as an ISO 8601 string. */
export const instant = z.date().describe('an ISO 8601 instant');

/** An instant already written as an ISO 8601 string. */
export const instantString = z.string().describe('an ISO 8601 instant');

/** A page of a cursor-paged list. */
export function pageOf<S extends z.ZodType>(item: S) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last'),
  });
}

/** The query of a cursor-paged list. */
export const pageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** A body that is always ignored: a route whose request carries nothing. */
export const noContent = z.undefined().describe('No content');

/**
 * What a response type is on the wire, as the web reads it: instants (`Date` on the server) arrive as
 * ISO 8601 strings.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** The wire form of a contract schema's output. */
export type WireOf<S extends z.ZodType> = Wire<z.output<S>>;

/** A file body of bytes (a PDF), documented as a binary string. */
export const binaryFile = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: 'string', format: 'binary' });
