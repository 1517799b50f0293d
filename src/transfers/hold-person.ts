import { sql } from 'kysely';
import { authorize, scopeOf } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { invalidInput, notFound } from '../core/errors.js';
import type { Actor } from '../ledger/events.js';
import { fullName, type PersonRecord } from '../people/model.js';

/** How many exact matches the lookup answers at most: one person's records under a few agreements. */
const MOST = 5;

/** One person the hold lookup found: enough to confirm whom the hold is for, nothing about their case. */
export interface HoldPerson {
  personId: string;
  ref: string;
  name: string;
  agreement: string;
}

/**
 * Finds the person a hold or order is to be recorded for, by exact ref or exact A-number (decision 0032):
 * how a court names a person it has no case about yet, since its reads reach only the people under its
 * own courts' holds and orders. No browsing: no partial match, no list beyond the exact matches, and
 * nothing but the ref, the name and the agreement. Withdrawn records are not found.
 */
export async function findPersonForHold(
  ctx: AppContext,
  actor: Actor,
  query: { ref?: string | undefined; aNumber?: string | undefined },
): Promise<{ matches: HoldPerson[] }> {
  // Whoever may record a hold, for any court or only their own, may name its person.
  if (scopeOf(actor.role, 'holds:record') === undefined) authorize(actor, 'holds:record');
  const ref = query.ref?.trim() ?? '';
  const aNumber = query.aNumber?.trim().toUpperCase() ?? '';
  if ((ref === '') === (aNumber === '')) throw invalidInput('hold.lookup_one_of', {});
  const digits = /^A?(\d{8,9})$/.exec(aNumber.replace(/[\s-]/g, ''))?.[1];
  if (aNumber !== '' && !digits) throw invalidInput('hold.lookup_a_number', { aNumber });
  let q = ctx.handle.db
    .selectFrom('people as p')
    .innerJoin('agreements as a', 'a.id', 'p.agreement_id')
    .select(['p.id', 'p.ref', 'p.record', 'a.code'])
    .where('p.withdrawn_reason', 'is', null)
    .orderBy('p.ref')
    .orderBy('a.code')
    .limit(MOST);
  q = ref
    ? q.where('p.ref', '=', ref)
    : q.where(
        sql<boolean>`exists (select 1 from jsonb_array_elements(p.record -> 'identifiers') as i(v)
          where i.v ->> 'type' = 'a_number'
            and ltrim(regexp_replace(i.v ->> 'value', '[^0-9]', '', 'g'), '0') = ltrim(${digits ?? ''}, '0'))`,
      );
  const rows = await q.execute();
  if (rows.length === 0) throw notFound('person', ref || aNumber);
  return {
    matches: rows.map((r) => ({
      personId: r.id,
      ref: r.ref,
      name: fullName((r.record as PersonRecord).names),
      agreement: r.code,
    })),
  };
}
