/** Which tickets a user works from: an engineer their own and the team queue, a lead the whole team. */
import { z } from 'zod';
import type { Role, User } from '../shared/domain/people';
import type { Ticket } from '../shared/domain/ticket';

/** Who holds a ticket: its team, and its assignee (null: the team's queue). */
export const TicketHolder = z.object({ teamId: z.string(), assigneeId: z.string().nullable() });
export type TicketHolder = z.infer<typeof TicketHolder>;

/** The rule, for a ticket so held. */
export function holdsInScope(user: User, { teamId, assigneeId }: TicketHolder): boolean {
  if (teamId !== user.teamId) return false;
  return user.role === 'lead' || assigneeId === null || assigneeId === user.id;
}

/** The rule for one ticket already loaded. */
export function inScope(user: User, ticket: Ticket): boolean {
  return holdsInScope(user, { teamId: ticket.teamId, assigneeId: ticket.assignee?.id ?? null });
}

/**
 * The same rule in SQL, over the columns holding a team and an assignee (null: the team's queue), for
 * a user bound as @teamId and @userId: every query of a user's scope is built from it.
 */
export const scopeSql: Record<Role, (team: string, assignee: string) => string> = {
  lead: (team) => `${team} = @teamId`,
  engineer: (team, assignee) => `${team} = @teamId AND (${assignee} IS NULL OR ${assignee} = @userId)`,
};
