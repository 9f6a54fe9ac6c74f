/** Recording the customer's answer to a proposal: which of the offered times they chose. */
import { Button, Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { slotInZone, type RemoteSession } from '../../../shared/domain/remote-session';
import type { Ticket } from '../../../shared/domain';
import { ChangeDialog } from '../../ui/ChangeDialog';
import type { ChangeRunner } from '../../ui/use-change';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { MeetingLinkField, OverlapReasonField, SlotNotes, meetingLinkError } from './SessionFields';
import { inYourZone } from './session-time';
import { useOverlaps } from './use-overlaps';

export function ConfirmSessionDialog({
  ticket,
  session,
  change,
}: {
  ticket: Ticket;
  session: RemoteSession;
  change: ChangeRunner;
}) {
  const zone = ticket.endCustomer.timeZone;
  const [chosen, setChosen] = useState<number | null>(null);
  const [link, setLink] = useState('');
  const [overlapReason, setOverlapReason] = useState('');
  const now = useMinuteClock().getTime();
  const slot = chosen === null ? null : (session.proposedSlots[chosen] ?? null);
  const { overlaps, settled } = useOverlaps([slot], session.engineer.id, {
    ticketId: ticket.id,
    sessionId: session.id,
  });
  const clashes = overlaps[0] ?? [];
  const ready =
    slot !== null &&
    meetingLinkError(link) === null &&
    settled &&
    (clashes.length === 0 || overlapReason.trim() !== '');

  return (
    <ChangeDialog
      trigger={<Button appearance="primary">Confirm a time…</Button>}
      title={`Confirm the session on ${ticket.number}`}
      confirmLabel="Confirm this time"
      canConfirm={!change.busy && ready}
      onOpen={() => {
        const firstAhead = session.proposedSlots.findIndex((offered) => Date.parse(offered.start) > Date.now());
        setChosen(session.proposedSlots.length === 1 && firstAhead === 0 ? 0 : null);
        setLink('');
        setOverlapReason('');
      }}
      onConfirm={() =>
        slot === null
          ? Promise.resolve({ message: 'Choose the time the customer picked.', issues: [] })
          : change.attempt('confirmSession', {
              ticketId: ticket.id,
              sessionId: session.id,
              slot,
              meetingLink: link.trim() === '' ? null : link.trim(),
              eventId: crypto.randomUUID(),
              overlapReason: clashes.length > 0 ? overlapReason.trim() : null,
            })
      }
    >
      <Text>Which time did the customer choose? It is booked and recorded on the timeline.</Text>
      <Field label="The customer's choice" required>
        <RadioGroup value={chosen === null ? '' : String(chosen)} onChange={(_, data) => setChosen(Number(data.value))}>
          {session.proposedSlots.map((offered, index) => {
            const passed = Date.parse(offered.start) <= now;
            return (
              <Radio
                key={offered.start}
                value={String(index)}
                disabled={passed}
                label={`${inYourZone(offered)} — for the customer ${slotInZone(offered, zone)}${passed ? ' (passed)' : ''}`}
              />
            );
          })}
        </RadioGroup>
      </Field>
      {slot !== null && (
        <SlotNotes check={{ customerTime: null, outsideWorkingHours: false }} overlaps={clashes} customerZone={zone} />
      )}
      {clashes.length > 0 && <OverlapReasonField value={overlapReason} onChange={setOverlapReason} />}
      <MeetingLinkField
        value={link}
        onChange={setLink}
        hint={
          session.meetingLink === null
            ? 'Optional: a Teams link (https://…) or a remote-assistance code.'
            : `Leave empty to keep ${session.meetingLink}.`
        }
      />
    </ChangeDialog>
  );
}
