/** Recording the customer's answer to "is it fixed?": confirmed closes the ticket, not fixed sends it back. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { resolvedClosure, type Ticket } from '../../../shared/domain';
import type { ChangeRunner } from './use-change';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

type Answer = 'confirmed' | 'not_fixed';

export function RecordAnswerDialog({ ticket, change }: { ticket: Ticket; change: ChangeRunner }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<Answer>('confirmed');
  const [message, setMessage] = useState('');
  const [closingReply, setClosingReply] = useState('');
  const back = ticket.escalation !== null && ticket.escalation.status !== 'closed' ? 'the escalation' : 'investigation';

  const save = async () => {
    const done = await change.run('recordCustomerAnswer', {
      ticketId: ticket.id,
      entryId: crypto.randomUUID(),
      eventId: crypto.randomUUID(),
      answer,
      ...(message.trim() === '' ? {} : { message: message.trim() }),
      ...(answer === 'confirmed' ? { replyId: crypto.randomUUID(), closingReply: closingReply.trim() } : {}),
    });
    if (done) setOpen(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (data.open) {
          setAnswer('confirmed');
          setMessage('');
          setClosingReply(resolvedClosure(ticket));
        }
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">Record the customer's answer…</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>The customer's answer on {ticket.number}</DialogTitle>
          <DialogContent className={styles.content}>
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
            {change.error !== null && (
              <MessageBar intent="error">
                <MessageBarBody>{change.error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={change.busy || (answer === 'confirmed' && closingReply.trim() === '')}
              onClick={() => void save()}
            >
              {answer === 'confirmed' ? 'Close as resolved' : `Back to ${back}`}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
