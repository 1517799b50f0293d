import { type Expression, type SqlBool, sql } from 'kysely';
import { type Action, authorize, type PolicyActor, scopeOf, visibility } from '../auth/policy.js';
import type { AppContext } from '../context.js';
import { notFound } from '../core/errors.js';
import type { Subject } from '../core/messages/common.js';
import type { Db, Tx } from '../db/database.js';
import { personSubject, personVisible } from './visibility.js';

/**
 * The access policy's scopes as services apply them to one person or a list of people (decision 0026):
 * a person out of the actor's scope reads exactly as a person who does not exist.
 */

/** The day a scope is judged on (a representation counts while in force that day). */
export function scopeDay(ctx: AppContext): string {
  return ctx.clock.now().toISOString().slice(0, 10);
}

/**
 * True when the policy must see the person to decide whether `actor` may take `action` on them: a grant
 * scoped to some people (by party, seal or representation). No grant, or a grant of scope `all`, is
 * decided without the person.
 */
export function needsSubject(actor: PolicyActor, action: Action): boolean {
  const scope = scopeOf(actor.role, action);
  return scope !== undefined && scope !== 'all';
}

/**
 * Throws unless `actor` may take `action` on the person `personId`: refused when the role holds no grant,
 * and `not_found` for `as` (the person by default, or the transfer the read names) when the person does
 * not exist or is outside the grant's scope, word for word the same answer. A grant of scope `all` asks
 * nothing of the database.
 */
export async function authorizePerson(
  ctx: AppContext,
  actor: PolicyActor,
  action: Action,
  personId: string,
  as: { kind: Subject; id: string } = { kind: 'person', id: personId },
  q: Db | Tx = ctx.handle.db,
): Promise<void> {
  if (!needsSubject(actor, action)) {
    authorize(actor, action);
    return;
  }
  const subject = await personSubject(q, personId, scopeDay(ctx));
  if (!subject) throw notFound(as.kind, as.id);
  authorize(actor, action, { ...subject, kind: as.kind, id: as.id });
}

/**
 * The SQL condition a list of people (or of records about people) is filtered by for `actor`: true for
 * every person the grant's scope reaches. Throws `forbidden` when the role holds no grant at all.
 */
export function peopleFilter(
  ctx: AppContext,
  actor: PolicyActor,
  action: Action,
  personId: string,
): Expression<SqlBool> {
  if (scopeOf(actor.role, action) === undefined) authorize(actor, action);
  const vis = visibility(actor, action);
  return vis.kind === 'all' ? sql<SqlBool>`true` : personVisible(vis, personId, scopeDay(ctx));
}
