/**
 * One remote session on the ticket: its state, its time(s) in the engineer's and the customer's zone,
 * the meeting link, who confirmed, what the customer asked, why it was cancelled or moved, the outcome.
 */
import { Badge, type BadgeProps, Caption1, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import {
  SESSION_STATUS_LABEL,
  sessionSlot,
  slotInZone,
  withinWorkingHours,
  type RemoteSession,
  type RemoteSessionStatus,
  type SessionSlot,
} from '../../../shared/domain/remote-session';
import { SlotWarning } from './SessionFields';
import { SessionActions, customerLink, type SessionProps } from './SessionActions';
import { WORKING_HOURS_TEXT, inYourZone } from './session-time';
import { plainColumnList } from '../../ui/list-styles';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  times: { ...plainColumnList, gap: tokens.spacingVerticalS },
  time: { display: 'flex', flexDirection: 'column' },
  zones: { display: 'flex', flexDirection: 'column' },
  quote: { whiteSpace: 'pre-wrap' },
});

export const STATUS_COLOR: Record<RemoteSessionStatus, BadgeProps['color']> = {
  proposed: 'warning',
  confirmed: 'success',
  completed: 'brand',
  cancelled: 'danger',
  no_show: 'severe',
  rescheduled: 'subtle',
};

/** A time in both zones: the engineer's first (what their calendar says), then the customer's. */
export function BothZones({ slot, customerZone }: { slot: SessionSlot; customerZone: string }) {
  const styles = useStyles();
  return (
    <span className={styles.zones}>
      <Text>You: {inYourZone(slot)}</Text>
      <Text>Customer: {slotInZone(slot, customerZone)}</Text>
      {!withinWorkingHours(slot, customerZone) && (
        <SlotWarning>Outside the customer&apos;s working hours ({WORKING_HOURS_TEXT} their time).</SlotWarning>
      )}
    </span>
  );
}

function MeetingLink({ link }: { link: string }) {
  return link.startsWith('https://') ? (
    <Link href={link} target="_blank" rel="noreferrer">
      {link}
    </Link>
  ) : (
    <Text>{link}</Text>
  );
}

const minutesOf = (slot: SessionSlot) => Math.round((Date.parse(slot.end) - Date.parse(slot.start)) / 60_000);

function summaryLine(session: RemoteSession): string {
  const length = `${minutesOf(sessionSlot(session))} minutes`;
  switch (session.status) {
    case 'proposed': {
      const count = session.proposedSlots.length;
      return `${count === 1 ? 'One time' : `${count} times`} offered · waiting for the customer to pick`;
    }
    case 'confirmed':
      return session.confirmedBy === 'customer'
        ? `${length} · booked by the customer on the scheduling page`
        : `${length} · confirmed by ${session.engineer.name} for the customer`;
    default:
      return `${length} · ${session.engineer.name}`;
  }
}

export function SessionCard(props: SessionProps) {
  const styles = useStyles();
  const { ticket, session } = props;
  const zone = ticket.endCustomer.timeZone;
  const other = (id: string | null) => ticket.remoteSessions.find((candidate) => candidate.id === id);
  const replaces = other(session.replaces);
  const replacedBy = other(session.replacedBy);
  // The times take the card's whole width: in a narrow pane a column of terms beside them would squeeze them.
  const times = session.status === 'proposed' ? session.proposedSlots : [sessionSlot(session)];
  const facts: [string, ReactNode][] = [];
  if (session.meetingLink !== null) facts.push(['Join', <MeetingLink key="link" link={session.meetingLink} />]);
  const pickLink = customerLink(session, props.team, props.now);
  if (pickLink !== null) {
    facts.push([
      "Customer's link",
      <Link key="pick" href={pickLink} target="_blank" rel="noreferrer">
        {pickLink}
      </Link>,
    ]);
  }
  if (session.customerRequest !== null) {
    facts.push([
      "Customer's request",
      <Text key="request" className={styles.quote}>{`“${session.customerRequest}”`}</Text>,
    ]);
  }
  if (session.cancelReason !== null) facts.push(['Cancelled because', session.cancelReason]);
  if (session.outcomeNotes !== null) {
    facts.push([
      session.status === 'no_show' ? 'Note' : 'Outcome',
      <Text key="outcome" className={styles.quote}>
        {session.outcomeNotes}
      </Text>,
    ]);
  }
  if (session.overlapReason !== null) facts.push(['Booked over another session', session.overlapReason]);
  if (replaces !== undefined) facts.push(['Replaces', `the session of ${inYourZone(sessionSlot(replaces))}`]);
  if (replacedBy !== undefined) facts.push(['Moved to', inYourZone(sessionSlot(replacedBy))]);

  return (
    <article className={styles.card} aria-label={`${SESSION_STATUS_LABEL[session.status]} session`}>
      <div className={styles.heading}>
        <Badge appearance="filled" color={STATUS_COLOR[session.status]}>
          {SESSION_STATUS_LABEL[session.status]}
        </Badge>
        <Caption1>{summaryLine(session)}</Caption1>
      </div>
      <ol className={styles.times} aria-label={session.status === 'proposed' ? 'Times offered' : 'Time'}>
        {times.map((slot, index) => (
          <li key={slot.start} className={styles.time}>
            {times.length > 1 && <Caption1 className={styles.term}>Time {index + 1}</Caption1>}
            <BothZones slot={slot} customerZone={zone} />
          </li>
        ))}
      </ol>
      {facts.length > 0 && (
        <dl className={styles.facts}>
          {facts.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <SessionActions {...props} />
    </article>
  );
}
