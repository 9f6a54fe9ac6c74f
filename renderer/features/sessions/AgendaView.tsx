/**
 * The engineer's agenda: their remote sessions from today to two weeks ahead, by day, booked ones and
 * the times still offered (tentative), each in both zones; a click opens the ticket. Read from the
 * local copy, so it works offline.
 */
import {
  Badge,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { addDays, isSameDay, startOfDay } from 'date-fns';
import { useShallow } from 'zustand/react/shallow';
import { slotInZone } from '../../../shared/domain/remote-session';
import { AGENDA_DAYS } from '../../data/session-calendar';
import type { CalendarEntry } from '../../data/stores/calendar-store';
import { useCalendarStore } from '../../data/stores/calendar-store';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { openSessionTicket } from './open-session-ticket';
import { engineerZone } from './session-time';
import { plainColumnList } from '../../ui/list-styles';
import { dayText, shortDayText, timeText } from '../../../shared/domain';

const useStyles = makeStyles({
  view: {
    overflowY: 'auto',
    minHeight: 0,
    flexGrow: 1,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
  },
  column: { maxWidth: '960px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground3 },
  day: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { ...plainColumnList, gap: tokens.spacingVerticalXS },
  entry: {
    width: '100%',
    display: 'grid',
    gridTemplateColumns: '110px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  tentative: { border: `1px dashed ${tokens.colorPaletteMarigoldBorder2}` },
  past: { opacity: 0.65 },
  time: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  what: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', minWidth: 0 },
  title: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, flexShrink: 1 },
  customer: { color: tokens.colorNeutralForeground2 },
});

function dayHeading(day: Date, now: Date): string {
  const date = dayText(day);
  if (isSameDay(day, now)) return `Today · ${date}`;
  if (isSameDay(day, addDays(now, 1))) return `Tomorrow · ${date}`;
  return date;
}

/** The entries by the engineer's local day, in order. */
function byDay(entries: readonly CalendarEntry[]): { day: Date; entries: CalendarEntry[] }[] {
  const days: { day: Date; entries: CalendarEntry[] }[] = [];
  for (const entry of entries) {
    const day = startOfDay(new Date(entry.slot.start));
    const last = days.at(-1);
    if (last !== undefined && isSameDay(last.day, day)) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}

function AgendaEntry({ entry, now }: { entry: CalendarEntry; now: Date }) {
  const styles = useStyles();
  const { slot } = entry;
  const tentative = entry.status === 'proposed';
  const past = Date.parse(slot.end) <= now.getTime();
  return (
    <li>
      <button
        type="button"
        className={mergeClasses(styles.entry, tentative && styles.tentative, past && styles.past)}
        onClick={() => openSessionTicket(entry.ticketId)}
      >
        <Text className={styles.time}>
          {timeText(slot.start)}–{timeText(slot.end)}
        </Text>
        <span className={styles.what}>
          <span className={styles.line}>
            {tentative ? (
              <Badge appearance="tint" color="warning">
                Tentative
                {entry.option !== null && entry.option.of > 1
                  ? ` · time ${entry.option.index} of ${entry.option.of}`
                  : ''}
              </Badge>
            ) : (
              <Badge appearance="filled" color="success">
                Confirmed
              </Badge>
            )}
            <Text weight="semibold">{entry.ticketNumber}</Text>
            <Text className={styles.title}>{entry.ticketTitle}</Text>
          </span>
          <Caption1 className={styles.customer}>
            {entry.customerName ?? 'Customer'}: {slotInZone(slot, entry.customerTimeZone)}
          </Caption1>
        </span>
      </button>
    </li>
  );
}

export function AgendaView() {
  const styles = useStyles();
  const now = useMinuteClock();
  const { entries, loaded, error } = useCalendarStore(
    useShallow((s) => ({ entries: s.entries, loaded: s.loaded, error: s.error })),
  );
  const until = addDays(startOfDay(now), AGENDA_DAYS - 1);
  const shown = entries.filter(
    (entry) =>
      Date.parse(entry.slot.start) >= startOfDay(now).getTime() &&
      Date.parse(entry.slot.start) < addDays(until, 1).getTime(),
  );
  const days = byDay(shown);

  return (
    <section className={styles.view} aria-label="Agenda">
      <div className={styles.column}>
        <Title3 as="h2">Your remote sessions, today to {shortDayText(until)}</Title3>
        <Caption1 className={styles.intro}>
          Times in your zone ({engineerZone()}), with the customer&apos;s below. Tentative: times offered, waiting for
          the customer to pick one.
        </Caption1>
        {error !== null && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {!loaded ? (
          <Spinner label="Reading your sessions…" />
        ) : days.length === 0 ? (
          <Text>No remote sessions in the next two weeks.</Text>
        ) : (
          days.map(({ day, entries: ofDay }) => (
            <section key={day.toISOString()} className={styles.day} aria-label={dayHeading(day, now)}>
              <Subtitle2 as="h3">{dayHeading(day, now)}</Subtitle2>
              <ul className={styles.list}>
                {ofDay.map((entry) => (
                  <AgendaEntry key={`${entry.session.id}@${entry.slot.start}`} entry={entry} now={now} />
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </section>
  );
}
