/**
 * The steps on the open Microsoft case — log a follow-up, who the case waits on, Cloud / On-Premise,
 * Microsoft's resolution — shown among the ticket's actions, so they stay in view above the timeline.
 */
import { Button, Dropdown, Option } from '@fluentui/react-components';
import { decide, type TeamContext, type Ticket } from '../../../shared/domain';
import { TextDialog } from '../../ui/TextDialog';
import type { ChangeRunner } from '../../ui/use-change';
import { ESCALATION_STATUS_TEXT } from './follow-up-labels';
import { LogFollowUpDialog } from './LogFollowUpDialog';
import { RecordScenarioDialog } from './RecordScenarioDialog';

export function CaseActions({ ticket, team, change }: { ticket: Ticket; team: TeamContext; change: ChangeRunner }) {
  const escalation = ticket.escalation;
  if (ticket.stage !== 'escalated' || escalation === null || escalation.status === 'closed') return null;
  const onPremiseCloses = decide(ticket, 'record_on_premise_without_add_on', {
    policy: team.policy,
    now: new Date(),
  }).ok;
  return (
    <>
      <LogFollowUpDialog ticket={ticket} change={change} />
      <Dropdown
        aria-label="Escalation status"
        value={ESCALATION_STATUS_TEXT[escalation.status]}
        selectedOptions={[escalation.status]}
        onOptionSelect={(_, data) =>
          void change.run('setEscalationStatus', {
            ticketId: ticket.id,
            eventId: crypto.randomUUID(),
            status: data.optionValue as 'open' | 'attention_needed',
          })
        }
      >
        <Option value="open">{ESCALATION_STATUS_TEXT.open}</Option>
        <Option value="attention_needed">{ESCALATION_STATUS_TEXT.attention_needed}</Option>
      </Dropdown>
      <RecordScenarioDialog ticket={ticket} onPremiseCloses={onPremiseCloses} change={change} />
      <TextDialog
        trigger={<Button>Microsoft resolved it…</Button>}
        step="microsoft_resolved"
        title={`Microsoft resolved ${ticket.number}`}
        intro="The ticket moves to resolution: ask the customer to confirm the fix next."
        label="What Microsoft did"
        proposal=""
        confirmLabel="Record resolution"
        onConfirm={(summary) =>
          change.attempt('microsoftResolved', { ticketId: ticket.id, eventId: crypto.randomUUID(), summary })
        }
      />
    </>
  );
}
