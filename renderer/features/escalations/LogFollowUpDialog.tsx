/** Logging a contact with Microsoft: when, through which channel, what was said, whether Microsoft answered. */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { format } from 'date-fns';
import { useState } from 'react';
import { FollowUpChannel, type Ticket } from '../../../shared/domain';
import type { ChangeRunner } from '../ticket/use-change';
import { CHANNEL_TEXT } from './follow-up-labels';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

const LOCAL_MINUTE = "yyyy-MM-dd'T'HH:mm";

export function LogFollowUpDialog({ ticket, change }: { ticket: Ticket; change: ChangeRunner }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState('');
  const [channel, setChannel] = useState<FollowUpChannel>('portal');
  const [summary, setSummary] = useState('');
  const [responded, setResponded] = useState(false);
  const future = at !== '' && new Date(at) > new Date();

  const save = async () => {
    const done = await change.run('logFollowUp', {
      ticketId: ticket.id,
      followUpId: crypto.randomUUID(),
      at: new Date(at).toISOString(),
      channel,
      summary: summary.trim(),
      microsoftResponded: responded,
    });
    if (done) setOpen(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (data.open) {
          setAt(format(new Date(), LOCAL_MINUTE));
          setChannel('portal');
          setSummary('');
          setResponded(false);
        }
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">Log follow-up…</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Follow-up with Microsoft on {ticket.number}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field
              label="When"
              required
              validationMessage={future ? 'a follow-up cannot be dated in the future' : undefined}
            >
              <Input type="datetime-local" value={at} onChange={(_, data) => setAt(data.value)} />
            </Field>
            <Field label="Channel">
              <Dropdown
                value={CHANNEL_TEXT[channel]}
                selectedOptions={[channel]}
                onOptionSelect={(_, data) => setChannel(data.optionValue as FollowUpChannel)}
              >
                {FollowUpChannel.options.map((value) => (
                  <Option key={value} value={value}>
                    {CHANNEL_TEXT[value]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Summary" required>
              <Textarea value={summary} rows={4} onChange={(_, data) => setSummary(data.value)} />
            </Field>
            <Checkbox
              checked={responded}
              onChange={(_, data) => setResponded(data.checked === true)}
              label="Microsoft responded"
            />
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
              disabled={change.busy || future || at === '' || summary.trim() === ''}
              onClick={() => void save()}
            >
              Log follow-up
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
