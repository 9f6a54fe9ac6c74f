/** Which tickets a user works from: an engineer their own and the team queue, a lead the whole team. */
import type { User } from '../shared/domain/people';
import type { Ticket } from '../shared/domain/ticket';
import type { PortalDatabase } from './db';

/** The same rule as `changesInScope`, for one ticket already loaded. */
export function inScope(user: User, ticket: Ticket): boolean {
  if (ticket.teamId !== user.teamId) return false;
  return user.role === 'lead' || ticket.assignee === null || ticket.assignee.id === user.id;
}

/**
 * The team's tickets changed in (afterSeq, uptoSeq] that are not in the user's scope, by id: a console
 * may hold one that has just left its scope. A lead's scope is the whole team, so they have none.
 */
export function changesOutOfScope(db: PortalDatabase, user: User, afterSeq: number, uptoSeq: number): string[] {
  return user.role === 'lead' ? [] : db.othersChanges(user.teamId, user.id, afterSeq, uptoSeq);
}

/** The tickets in the user's scope changed after `afterSeq`, in change order, at most `limit`. */
export function changesInScope(db: PortalDatabase, user: User, afterSeq: number, limit: number): Ticket[] {
  return user.role === 'lead'
    ? db.teamChanges(user.teamId, afterSeq, limit)
    : db.engineerChanges(user.teamId, user.id, afterSeq, limit);
}
