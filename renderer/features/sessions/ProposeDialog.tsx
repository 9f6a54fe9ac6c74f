/**
 * Proposing a remote session: one to five times typed in the engineer's zone, each shown live in the
 * customer's with its warnings (their night, another booked session), a meeting link and the message
 * that carries the times and the customer's link to pick one.
 */
import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { MAX_PROPOSED_SLOTS } from '../../../shared/domain/remote-session';
import type { Ticket } from '../../../shared/domain';
import { ChangeDialog } from '../../ui/ChangeDialog';
import type { ChangeRunner } from '../../ui/use-change';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { newLinkToken } from './link-token';
import { MeetingLinkField, OverlapReasonField, SlotField, meetingLinkError } from './SessionFields';
import { checkSlots, suggestedStart, type SlotDraft } from './session-time';
import { useOverlaps } from './use-overlaps';

const DEFAULT_MINUTES = 60;

const proposalMessage = (ticket: Ticket): string =>
  `Hello ${ticket.requester.name},\n\nTo look at this together with you, I would like to hold a remote session. ` +
  'Here are the times I can offer; please pick the one that suits you best, or ask for other times.';

export function ProposeDialog({
  ticket,
  engineerId,
  change,
}: {
  ticket: Ticket;
  engineerId: string;
  change: ChangeRunner;
}) {
  const zone = ticket.endCustomer.timeZone;
  const [drafts, setDrafts] = useState<SlotDraft[]>([]);
  const [link, setLink] = useState('');
  const [message, setMessage] = useState('');
  const [overlapReason, setOverlapReason] = useState('');
  const now = useMinuteClock();
  const checks = checkSlots(drafts, zone, now);
  const { overlaps, settled } = useOverlaps(
    checks.map((check) => check.slot),
    engineerId,
  );
  const overlapping = overlaps.some((found) => found.length > 0);
  const ready =
    drafts.length > 0 &&
    checks.every((check) => check.problem === null) &&
    meetingLinkError(link) === null &&
    message.trim() !== '' &&
    settled &&
    (!overlapping || overlapReason.trim() !== '');

  const setDraft = (index: number, draft: SlotDraft) =>
    setDrafts((current) => current.map((existing, i) => (i === index ? draft : existing)));
  const addTime = () =>
    setDrafts((current) => [
      ...current,
      {
        start: suggestedStart(new Date(), zone, checks.at(-1)?.slot?.start ?? null),
        minutes: current.at(-1)?.minutes ?? DEFAULT_MINUTES,
      },
    ]);

  return (
    <ChangeDialog
      trigger={<Button appearance="primary">Propose a session…</Button>}
      title={`Propose a remote session on ${ticket.number}`}
      confirmLabel={drafts.length > 1 ? `Propose ${drafts.length} times` : 'Propose this time'}
      canConfirm={!change.busy && ready}
      onOpen={() => {
        setDrafts([{ start: suggestedStart(new Date(), zone), minutes: DEFAULT_MINUTES }]);
        setLink('');
        setMessage(proposalMessage(ticket));
        setOverlapReason('');
      }}
      onConfirm={() =>
        change.attempt('proposeSession', {
          ticketId: ticket.id,
          sessionId: crypto.randomUUID(),
          slots: checks.flatMap((check) => (check.slot === null ? [] : [check.slot])),
          meetingLink: link.trim() === '' ? null : link.trim(),
          linkToken: newLinkToken(),
          message: message.trim(),
          replyId: crypto.randomUUID(),
          overlapReason: overlapping ? overlapReason.trim() : null,
        })
      }
    >
      <Text>
        Offer one to {MAX_PROPOSED_SLOTS} times. The customer ({ticket.endCustomer.companyName ?? ticket.requester.name}
        , {zone}) sees them in their own time zone and picks one from the link in your reply.
      </Text>
      {drafts.map((draft, index) => (
        <SlotField
          key={index}
          label={`Time ${index + 1}`}
          draft={draft}
          check={checks[index]!}
          overlaps={overlaps[index] ?? []}
          customerZone={zone}
          onChange={(next) => setDraft(index, next)}
          onRemove={drafts.length > 1 ? () => setDrafts((current) => current.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      <div>
        <Button icon={<AddRegular />} disabled={drafts.length >= MAX_PROPOSED_SLOTS} onClick={addTime}>
          Add another time
        </Button>
      </div>
      {overlapping && <OverlapReasonField value={overlapReason} onChange={setOverlapReason} />}
      <MeetingLinkField
        value={link}
        onChange={setLink}
        hint="Optional: a Teams link (https://…) or a code such as “Quick Assist code 482913”."
      />
      <Field
        label="Message to the customer"
        required
        hint="Sent as a reply, followed by the times in the customer's zone and their private link to pick one."
      >
        <Textarea value={message} rows={4} resize="vertical" onChange={(_, data) => setMessage(data.value)} />
      </Field>
    </ChangeDialog>
  );
}
