import type { z } from 'zod';
import type { EventType } from '../core/events.js';
import type { Tx } from '../db/database.js';
import type { EventEnvelope, Projector } from './events.js';

/**
 * The event registry: every event type the installation records, with the schema that validates its
 * payload and the projector that applies it to the read tables. Features declare their event types
 * (`projection`); the composition root (src/app.ts) builds the one registry from all of them, refusing a
 * type two features declare. Live writes and `ledger replay`/`verify` project through it alike, so every
 * payload is validated before it touches a read table.
 */

/** One event type as a feature declares it: name, payload schema and projector, types erased. */
export interface EventDefinition {
  readonly type: string;
  readonly schema: z.ZodType;
  /** Validates every payload of a run of events of this type, then projects the run. */
  project(tx: Tx, events: readonly EventEnvelope[]): Promise<void>;
}

/** A read table replay rebuilds, with the columns that order it for `ledger verify` to compare. */
export interface ProjectedTable {
  table: string;
  orderBy: string;
}

/** A feature's event types and the read tables their projectors write. */
export interface FeatureEvents {
  /** The feature's name, e.g. `agreements`, as a duplicate type's error names it. */
  feature: string;
  events: readonly EventDefinition[];
  tables: readonly ProjectedTable[];
  /**
   * A projector for every event, whatever its type (an index across features): called once per batch,
   * after every event of the batch went through its own type's projector.
   */
  everyEvent?: (tx: Tx, events: readonly EventEnvelope[]) => Promise<void>;
}

/** The event registry the composition root builds. */
export interface EventRegistry {
  /** The feature that declares each event type. */
  readonly owners: ReadonlyMap<string, string>;
  /** Every read table the projectors write, feature by feature. */
  readonly tables: readonly ProjectedTable[];
  /**
   * Applies events in order: each run of same-type events is validated against its schema, then handed
   * to the projector (`many` when it has one). Refuses an unknown type or an invalid payload.
   */
  project(tx: Tx, events: readonly EventEnvelope[]): Promise<void>;
}

/** A payload that does not match its event type's schema: names the entry, the type and the field. */
export class InvalidEventPayloadError extends Error {
  readonly seq: number;
  readonly type: string;
  /** The path of the first failing field, e.g. `lines.3.amountCents`; empty for the payload itself. */
  readonly field: string;

  constructor(envelope: Pick<EventEnvelope, 'seq' | 'type'>, issues: readonly z.core.$ZodIssue[]) {
    const first = issues[0];
    const field = first ? first.path.map(String).join('.') : '';
    super(
      `Ledger entry ${envelope.seq} (${envelope.type}): payload field ${field || '(the payload itself)'} is invalid: ${first?.message ?? 'it does not match the schema'}` +
        `${issues.length > 1 ? ` (and ${issues.length - 1} more issue(s))` : ''}. ` +
        'Nothing was projected; the code that made this event must produce what the schema declares.',
    );
    this.name = 'InvalidEventPayloadError';
    this.seq = envelope.seq;
    this.type = envelope.type;
    this.field = field;
  }
}

/** An event's payload validated against its type's schema, or an `InvalidEventPayloadError`. */
export function validatePayload<S extends z.ZodType>(
  type: EventType<S>,
  envelope: EventEnvelope,
): z.output<S> {
  const result = type.schema.safeParse(envelope.payload);
  if (!result.success) throw new InvalidEventPayloadError(envelope, result.error.issues);
  return result.data;
}

/**
 * Declares how an event type is projected, e.g. `projection(agreementEvent.created, async (tx, e) => …)`:
 * the projector receives the payload typed and validated.
 */
export function projection<S extends z.ZodType>(
  type: EventType<S>,
  projector: Projector<z.output<S>>,
): EventDefinition {
  return {
    type: type.type,
    schema: type.schema,
    async project(tx, events) {
      // Validate the whole run first, so an invalid payload is refused before any of it is projected.
      const valid = events.map((e) => ({ ...e, payload: validatePayload(type, e) }));
      if (projector.many && valid.length > 1) {
        await projector.many(tx, valid);
        return;
      }
      for (const e of valid) await projector(tx, e);
    },
  };
}

/**
 * Builds the registry from every feature's event types. Refuses, at startup, an event type declared
 * twice: the error names the type and both features.
 */
export function createEventRegistry(features: readonly FeatureEvents[]): EventRegistry {
  const owners = new Map<string, string>();
  const definitions = new Map<string, EventDefinition>();
  const everyEvent = features.flatMap((f) => (f.everyEvent ? [f.everyEvent] : []));
  for (const { feature, events } of features) {
    for (const definition of events) {
      const owner = owners.get(definition.type);
      if (owner !== undefined) {
        throw new Error(
          `Event type ${definition.type} is declared by both ${owner} and ${feature}; an event type belongs to one feature. Rename one of them.`,
        );
      }
      owners.set(definition.type, feature);
      definitions.set(definition.type, definition);
    }
  }
  return {
    owners,
    tables: features.flatMap((f) => f.tables),
    async project(tx, events) {
      for (let start = 0; start < events.length; ) {
        const type = events[start]!.type;
        let end = start + 1;
        while (end < events.length && events[end]!.type === type) end++;
        const definition = definitions.get(type);
        if (!definition) {
          throw new Error(
            `No projector handles event type ${type} (entry ${events[start]!.seq}); declare it in its feature and register the feature in src/app.ts.`,
          );
        }
        await definition.project(
          tx,
          start === 0 && end === events.length ? events : events.slice(start, end),
        );
        start = end;
      }
      for (const project of everyEvent) if (events.length > 0) await project(tx, events);
    },
  };
}
