/**
 * The header's "next session": the engineer's confirmed session under way or next to start (time and
 * ticket), kept current by the minute clock and the calendar; a click opens the ticket.
 */
import { Button, Tooltip, makeStyles, mergeClasses } from '@fluentui/react-components';
import { CalendarClockRegular } from '@fluentui/react-icons';
import { slotInZone } from '../../../shared/domain/remote-session';
import { calendarSelectors, useCalendarStore } from '../../data/stores/calendar-store';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { useNarrowWindow } from '../../ui/use-narrow-window';
import { openSessionTicket } from './open-session-ticket';
import { inYourZone, whenText } from './session-time';
import { timeText } from '../../../shared/domain';

const useStyles = makeStyles({
  button: { minWidth: 0, maxWidth: '100%' },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export function NextSession({ className }: { className?: string }) {
  const styles = useStyles();
  const now = useMinuteClock();
  const next = useCalendarStore((s) => calendarSelectors.next(s, now));
  const narrow = useNarrowWindow();
  if (next === null) return null;
  const start = new Date(next.slot.start);
  const underway = start.getTime() <= now.getTime();
  const prefix = underway ? 'Session now' : 'Next session';
  const details = underway
    ? `${next.ticketNumber} until ${timeText(next.slot.end)}`
    : `${whenText(start, now)} · ${next.ticketNumber}`;
  return (
    <Tooltip
      relationship="description"
      content={`${next.ticketNumber} ${next.ticketTitle}. You: ${inYourZone(next.slot)}. Customer: ${slotInZone(next.slot, next.customerTimeZone)}.`}
    >
      <Button
        className={mergeClasses(styles.button, className)}
        appearance={underway ? 'primary' : 'subtle'}
        icon={<CalendarClockRegular />}
        aria-label={`${prefix}: ${details}`}
        onClick={() => openSessionTicket(next.ticketId)}
      >
        {/* A narrow window keeps the time and the ticket; the icon says what they are. */}
        <span className={styles.text}>{narrow ? details : `${prefix}: ${details}`}</span>
      </Button>
    </Tooltip>
  );
}
