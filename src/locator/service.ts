import { authorize, visibility } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { event } from '../core/events.js';
import type { Lang } from '../core/i18n.js';
import { translate } from '../core/messages/index.js';
import type { Actor } from '../ledger/events.js';
import { transact } from '../ledger/transact.js';
import { scopeDay } from '../parties/scope.js';
import { personVisible } from '../parties/visibility.js';
import {
  deriveStatus,
  findMatch,
  foundAnswer,
  type LocatorAnswer,
  type LocatorQuery,
  type LookedUp,
  locatorEvent,
  parseLocatorQuery,
  type RawLocatorQuery,
} from './model.js';
import {
  candidatesByANumber,
  candidatesByBirthDate,
  contactAgencies,
  custodyFactsOf,
  type LookupRow,
  listLookups,
  locatorFacility,
} from './store.js';

/** Who asked, when the lookup is to be recorded: a signed-in user (API) or the CLI operator. */
export interface Asker {
  actor: Actor;
  channel: LookedUp['channel'];
}

/** The one person `query` finds exactly, or null. */
async function findPerson(ctx: AppContext, query: LocatorQuery): Promise<string | null> {
  const db = ctx.reads.db;
  if (query.form === 'a_number') return findMatch(query, await candidatesByANumber(db, query.aNumber));
  // A name query without a birth date matches nobody: there is nothing to look up.
  if (query.birthDate === null) return null;
  return findMatch(query, await candidatesByBirthDate(db, query.birthDate));
}

/**
 * Answers a locator query (docs/domain.md, Locator): the found person's status, since when, and the
 * facility with its address; or no match with the agencies to contact, in `lang`. Bad input is refused
 * naming the field. A lookup by a signed-in user or the CLI operator (`asker`) is recorded in the ledger:
 * who, whom if found, when; a miss keeps nothing of what was asked.
 */
export async function locate(
  ctx: AppContext,
  raw: RawLocatorQuery,
  lang: Lang,
  asker: Asker | null,
): Promise<LocatorAnswer> {
  const query = parseLocatorQuery(raw);
  // The answer may lag the primary a moment (the read replica, docs/scaling.md); only the lookup's record is a write.
  const reads = ctx.reads.db;
  const personId = await findPerson(ctx, query);
  let answer: LocatorAnswer;
  if (personId === null) {
    const agencies = await contactAgencies(reads);
    answer = {
      match: false,
      contact:
        agencies.length > 0
          ? translate(lang, 'locator.contact', { agencies })
          : translate(lang, 'locator.contact_unknown', {}),
    };
  } else {
    const status = deriveStatus(await custodyFactsOf(reads, personId));
    const facility = status.facilityId ? await locatorFacility(reads, status.facilityId) : undefined;
    answer = foundAnswer(status, facility ?? null);
  }
  if (asker) await recordLookup(ctx, asker, personId, query.form);
  return answer;
}

async function recordLookup(
  ctx: AppContext,
  asker: Asker,
  personId: string | null,
  form: LocatorQuery['form'],
): Promise<void> {
  await transact(ctx, asker.actor, async (_tx, now) => {
    const lookupId = ctx.newId();
    const payload: LookedUp = {
      lookupId,
      role: asker.actor.role,
      personId,
      form,
      channel: asker.channel,
      at: now.toISOString(),
    };
    return {
      events: [event(locatorEvent.lookedUp, `lookup:${lookupId}`, payload, { newStream: true })],
      result: undefined,
    };
  });
}

/** The recorded lookups, newest first (monitors and admins): who, whom if found, when, by which channel. */
export async function lookups(ctx: AppContext, actor: Actor, limit = 200): Promise<LookupRow[]> {
  authorize(actor, 'locator_lookups:read');
  // A lookup of a person the reader may not read (a sealed record, for a monitor) is listed without whom.
  const named = personVisible(visibility(actor, 'people:read'), 'l.person_id', scopeDay(ctx));
  return listLookups(ctx.handle.db, limit, named);
}
