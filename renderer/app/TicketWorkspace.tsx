/** The open ticket with what the escalation and remote-session features add to it. */
import type { ComponentProps } from 'react';
import { CaseActions } from '../features/escalations/CaseActions';
import { EscalateDialog } from '../features/escalations/EscalateDialog';
import { EscalationPanel } from '../features/escalations/EscalationPanel';
import { SessionsPanel } from '../features/sessions/SessionsPanel';
import { TicketPane } from '../features/ticket/TicketPane';
import type { TicketParts } from '../features/ticket/ticket-parts';

function TicketPanels(props: ComponentProps<TicketParts['panels']>) {
  return (
    <>
      <EscalationPanel {...props} />
      <SessionsPanel {...props} />
    </>
  );
}

const PARTS: TicketParts = { panels: TicketPanels, escalate: EscalateDialog, caseActions: CaseActions };

export function TicketWorkspace() {
  return <TicketPane parts={PARTS} />;
}
