import type { z } from 'zod';

/**
 * Event types as data: each is the name recorded in the ledger and the Zod schema of its payload. The
 * payload's TypeScript type is inferred from the schema (`PayloadOf`), never written a second time, and
 * the same schema validates every payload before it is projected, live and in replay.
 */

/** An event type: its ledger name and the schema of its payload. */
export interface EventType<S extends z.ZodType = z.ZodType, T extends string = string> {
  readonly type: T;
  readonly schema: S;
}

/** Declares an event type, e.g. `defineEvent('agreement.created', agreementCreatedSchema)`. */
export function defineEvent<const T extends string, S extends z.ZodType>(
  type: T,
  schema: S,
): EventType<S, T> {
  return { type, schema };
}

/** The payload an event type carries, inferred from its schema. */
export type PayloadOf<E extends EventType> = z.output<E['schema']>;

/** An event a decision produced, before the ledger gives it a place. */
export interface NewEvent<P = unknown> {
  type: string;
  streamId: string;
  payload: P;
  /** True when the decision just created this stream (a fresh id): it starts at version 1. */
  newStream?: boolean;
}

/**
 * A new event of a declared type; the compiler checks the payload against the type's schema, e.g.
 * `event(agreementEvent.created, 'agreement:…', created, { newStream: true })`.
 */
export function event<S extends z.ZodType, T extends string>(
  type: EventType<S, T>,
  streamId: string,
  payload: z.output<S>,
  options: { newStream?: boolean } = {},
): NewEvent<z.output<S>> {
  return options.newStream
    ? { type: type.type, streamId, payload, newStream: true }
    : { type: type.type, streamId, payload };
}

/**
 * The payload of a recorded event when it is of `type`, checked against the type's schema; undefined for
 * an event of another type. For use cases that read back the events they just recorded.
 */
export function payloadIf<S extends z.ZodType, T extends string>(
  type: EventType<S, T>,
  recorded: { type: string; payload: unknown },
): z.output<S> | undefined {
  if (recorded.type !== type.type) return undefined;
  const result = type.schema.safeParse(recorded.payload);
  return result.success ? result.data : undefined;
}
