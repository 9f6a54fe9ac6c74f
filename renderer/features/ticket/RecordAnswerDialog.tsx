/** Recording the customer's answer to "is it fixed?": confirmed closes the ticket, not fixed sends it back. */
import { Button, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { resolvedClosure, type Stage, type Ticket } from '../../../shared/domain';
import { ChangeDialog } from '../../ui/ChangeDialog';
import type { ChangeRunner } from '../../ui/use-change';

type Answer = 'confirmed' | 'not_fixed';

/** `notFixedTo`: where the flow sends the ticket back when it is not fixed (investigation, or the open escalation). */
export function RecordAnswerDialog({
  ticket,
  notFixedTo,
  change,
}: {
  ticket: Ticket;
  notFixedTo: Stage;
  change: ChangeRunner;
}) {
  const [answer, setAnswer] = useState<Answer>('confirmed');
  const [message, setMessage] = useState('');
  const [closingReply, setClosingReply] = useState('');
  const back = notFixedTo === 'escalated' ? 'the escalation' : 'investigation';

  return (
    <ChangeDialog
      trigger={<Button appearance="primary">Record the customer's answer…</Button>}
      step="record_answer"
      title={`The customer's answer on ${ticket.number}`}
      confirmLabel={answer === 'confirmed' ? 'Close as resolved' : `Back to ${back}`}
      canConfirm={!change.busy && (answer === 'not_fixed' || closingReply.trim() !== '')}
      onOpen={() => {
        setAnswer('confirmed');
        setMessage('');
        setClosingReply(resolvedClosure(ticket));
      }}
      onConfirm={() =>
        change.attempt('recordCustomerAnswer', {
          ticketId: ticket.id,
          entryId: crypto.randomUUID(),
          eventId: crypto.randomUUID(),
          answer,
          ...(message.trim() === '' ? {} : { message: message.trim() }),
          ...(answer === 'confirmed' ? { replyId: crypto.randomUUID(), closingReply: closingReply.trim() } : {}),
        })
      }
    >
      <Field label="Answer">
        <RadioGroup value={answer} onChange={(_, data) => setAnswer(data.value as Answer)}>
          <Radio value="confirmed" label="Confirmed fixed: close as resolved" />
          <Radio value="not_fixed" label={`Not fixed: back to ${back}`} />
        </RadioGroup>
      </Field>
      <Field label="What the customer said (optional)">
        <Textarea value={message} rows={3} onChange={(_, data) => setMessage(data.value)} />
      </Field>
      {answer === 'confirmed' && (
        <Field label="Closing message to the customer" required>
          <Textarea value={closingReply} rows={6} onChange={(_, data) => setClosingReply(data.value)} />
        </Field>
      )}
    </ChangeDialog>
  );
}
