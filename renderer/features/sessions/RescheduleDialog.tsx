/**
 * Moving a session to a new time agreed with the customer: the new session replaces this one, carries
 * its calendar event on, and the customer is told the new time and why.
 */
import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { sessionSlot, type RemoteSession } from '../../../shared/domain/remote-session';
import type { Ticket } from '../../../shared/domain';
import { ChangeDialog } from '../../ui/ChangeDialog';
import type { ChangeRunner } from '../../ui/use-change';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { LOCAL_MINUTE } from '../../ui/local-time';
import { format } from 'date-fns';
import { MeetingLinkField, OverlapReasonField, SlotField, meetingLinkError } from './SessionFields';
import { checkSlots, inYourZone, type SlotDraft } from './session-time';
import { useOverlaps } from './use-overlaps';

export function RescheduleDialog({
  ticket,
  session,
  engineerId,
  change,
}: {
  ticket: Ticket;
  session: RemoteSession;
  /** Who books the new time: the user rescheduling it. */
  engineerId: string;
  change: ChangeRunner;
}) {
  const zone = ticket.endCustomer.timeZone;
  const current = sessionSlot(session);
  const [draft, setDraft] = useState<SlotDraft>({ start: '', minutes: 60 });
  const [reason, setReason] = useState('');
  const [link, setLink] = useState('');
  const [overlapReason, setOverlapReason] = useState('');
  const now = useMinuteClock();
  const check = checkSlots([draft], zone, now)[0]!;
  const { overlaps, settled } = useOverlaps([check.slot], engineerId, { ticketId: ticket.id, sessionId: session.id });
  const clashes = overlaps[0] ?? [];
  const ready =
    check.slot !== null &&
    check.problem === null &&
    reason.trim() !== '' &&
    meetingLinkError(link) === null &&
    settled &&
    (clashes.length === 0 || overlapReason.trim() !== '');

  return (
    <ChangeDialog
      trigger={<Button>Reschedule…</Button>}
      title={`Reschedule the session on ${ticket.number}`}
      confirmLabel="Move the session"
      canConfirm={!change.busy && ready}
      onOpen={() => {
        setDraft({
          start: format(new Date(current.start), LOCAL_MINUTE),
          minutes: Math.round((Date.parse(current.end) - Date.parse(current.start)) / 60_000),
        });
        setReason('');
        setLink('');
        setOverlapReason('');
      }}
      onConfirm={() =>
        check.slot === null
          ? Promise.resolve({ message: check.problem ?? 'Give the new start time.', issues: [] })
          : change.attempt('rescheduleSession', {
              ticketId: ticket.id,
              sessionId: session.id,
              newSessionId: crypto.randomUUID(),
              slot: check.slot,
              meetingLink: link.trim() === '' ? null : link.trim(),
              reason: reason.trim(),
              eventId: crypto.randomUUID(),
              replyId: crypto.randomUUID(),
              overlapReason: clashes.length > 0 ? overlapReason.trim() : null,
            })
      }
    >
      <Text>
        Now: {inYourZone(current)}. The new time is booked at once (agree it with the customer first); they are told the
        new time and your reason, and their calendar invite moves.
      </Text>
      <SlotField
        label="New time"
        draft={draft}
        check={check}
        overlaps={clashes}
        customerZone={zone}
        onChange={setDraft}
      />
      {clashes.length > 0 && <OverlapReasonField value={overlapReason} onChange={setOverlapReason} />}
      <Field label="Why it moves (sent to the customer)" required>
        <Textarea value={reason} rows={3} onChange={(_, data) => setReason(data.value)} />
      </Field>
      <MeetingLinkField
        value={link}
        onChange={setLink}
        hint={session.meetingLink === null ? 'Optional.' : `Leave empty to keep ${session.meetingLink}.`}
      />
    </ChangeDialog>
  );
}
