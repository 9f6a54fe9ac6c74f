/** Logging a contact with Microsoft: when, through which channel, what was said, whether Microsoft answered. */
import { Button, Checkbox, Dropdown, Input, Option, Textarea } from '@fluentui/react-components';
import { format } from 'date-fns';
import { useState } from 'react';
import { FollowUpChannel, type Ticket } from '../../../shared/domain';
import type { ChangeRunner } from '../../ui/use-change';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { DialogField } from '../../ui/DialogField';
import { LOCAL_MINUTE } from '../../ui/local-time';
import { CHANNEL_TEXT } from './follow-up-labels';

export function LogFollowUpDialog({ ticket, change }: { ticket: Ticket; change: ChangeRunner }) {
  const [at, setAt] = useState('');
  const [channel, setChannel] = useState<FollowUpChannel>('portal');
  const [summary, setSummary] = useState('');
  const [responded, setResponded] = useState(false);

  return (
    <ChangeDialog
      trigger={<Button appearance="primary">Log follow-up…</Button>}
      step="log_follow_up"
      title={`Follow-up with Microsoft on ${ticket.number}`}
      confirmLabel="Log follow-up"
      canConfirm={!change.busy && at !== '' && summary.trim() !== ''}
      onOpen={() => {
        setAt(format(new Date(), LOCAL_MINUTE));
        setChannel('portal');
        setSummary('');
        setResponded(false);
      }}
      onConfirm={() =>
        change.attempt('logFollowUp', {
          ticketId: ticket.id,
          followUpId: crypto.randomUUID(),
          at: new Date(at).toISOString(),
          channel,
          summary: summary.trim(),
          microsoftResponded: responded,
        })
      }
    >
      <DialogField path="at" label="When" required>
        <Input type="datetime-local" value={at} onChange={(_, data) => setAt(data.value)} />
      </DialogField>
      <DialogField path="channel" label="Channel">
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
      </DialogField>
      <DialogField path="summary" label="Summary" required>
        <Textarea value={summary} rows={4} onChange={(_, data) => setSummary(data.value)} />
      </DialogField>
      <Checkbox
        checked={responded}
        onChange={(_, data) => setResponded(data.checked === true)}
        label="Microsoft responded"
      />
    </ChangeDialog>
  );
}
