/** Which tickets a user works from: an engineer their own and the team queue, a lead the whole team. */
import type { User } from '../shared/domain/people';
import type { Ticket } from '../shared/domain/ticket';
import type { PortalDatabase } from './db';

/** The same rule as `changesInScope`, for one ticket already loaded. */
export function inScope(user: User, ticket: Ticket): boolean {
  if (ticket.teamId !== user.teamId) return false;
  return user.role === 'lead' || ticket.assignee === null || ticket.assignee.id === user.id;
}

/** The tickets in the user's scope changed after `afterSeq`, in change order, at most `limit`. */
export function changesInScope(db: PortalDatabase, user: User, afterSeq: number, limit: number): Ticket[] {
  return user.role === 'lead'
    ? db.teamChanges(user.teamId, afterSeq, limit)
    : db.engineerChanges(user.teamId, user.id, afterSeq, limit);
}
