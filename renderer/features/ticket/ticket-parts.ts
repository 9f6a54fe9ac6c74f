/** What other features add to the open ticket. The app composes them: a feature never imports another. */
import type { ComponentType } from 'react';
import type { TeamContext, Ticket } from '../../../shared/domain';
import type { ChangeRunner } from '../../ui/use-change';

export interface TicketParts {
  /** Panels under the ticket's actions (the L3 escalation, the remote sessions). */
  panels: ComponentType<{ ticket: Ticket; team: TeamContext; change: ChangeRunner }>;
  /** The escalate step among the ticket's actions (its button and dialog), shown when the flow allows it. */
  escalate: ComponentType<{ ticket: Ticket; change: ChangeRunner }>;
  /**
   * The steps on the open Microsoft case (log a follow-up, its status, Cloud / On-Premise, resolved), among
   * the ticket's actions so they stay in view; it renders nothing when there is no open case.
   */
  caseActions: ComponentType<{ ticket: Ticket; team: TeamContext; change: ChangeRunner }>;
}
