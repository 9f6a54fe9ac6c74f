/** Failing validation: the ticket is closed with an explanation for the customer, proposed from the failing checks. */
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { type ReactElement, useState } from 'react';
import { closureExplanation, suggestedFailure, validateTicket, type Ticket } from '../../../shared/domain';
import type { TicketStep } from '../../data/ticket-steps';
import { TextDialog } from '../../ui/TextDialog';
import type { ChangeRunner } from '../../ui/use-change';

type FailureReason = ReturnType<typeof suggestedFailure>;

interface Props {
  ticket: Ticket;
  trigger: ReactElement;
  change: ChangeRunner;
  step?: TicketStep;
  /** Called once the ticket is closed (triage moves on to the next one). */
  onFailed?: () => void;
}

export function FailValidationDialog({ ticket, trigger, change, step, onFailed }: Props) {
  const checks = ticket.validation?.checks ?? validateTicket(ticket);
  const [chosen, setChosen] = useState<FailureReason | null>(null);
  const failure = chosen ?? suggestedFailure(checks);
  return (
    <TextDialog
      trigger={trigger}
      step={step}
      title={`Close ${ticket.number}: validation failed`}
      intro="The ticket is closed and this explanation is sent to the customer. Edit it as you see fit."
      label="Explanation for the customer"
      proposal={closureExplanation(ticket, failure, checks)}
      confirmLabel="Close and send"
      onConfirm={async (explanation) => {
        const id = () => crypto.randomUUID();
        const problem = await change.attempt('failValidation', {
          ticketId: ticket.id,
          reason: failure,
          explanation,
          replyId: id(),
          eventId: id(),
        });
        if (problem === null) onFailed?.();
        return problem;
      }}
    >
      <Field label="Reason">
        <RadioGroup value={failure} onChange={(_, data) => setChosen(data.value as FailureReason)}>
          <Radio value="not_entitled" label="Not entitled to support" />
          <Radio value="missing_information" label="Mandatory information missing or invalid" />
        </RadioGroup>
      </Field>
    </TextDialog>
  );
}
