/**
 * The queue: every cached ticket in the chosen scope, as a virtualized list (only the rows on screen
 * are rendered, so 50,000 cached tickets scroll like 50).
 */
import { Caption1, Spinner, Tab, TabList, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatDistanceStrict, isSameDay } from 'date-fns';
import { type FocusEvent, type KeyboardEvent, memo, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  FollowUpBadge,
  NewBadge,
  PriorityBadge,
  StageBadge,
  type TicketBadgeClasses,
  useTicketBadgeClasses,
} from '../../ui/TicketBadges';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { useRowWindow } from '../../ui/use-row-window';
import { shortcutFor, type ShortcutId } from '../../ui/shortcuts';
import { STATUS_LABEL, type FollowUpCadence, timeText } from '../../../shared/domain';
import {
  followUpState,
  queueActions,
  type QueueScope,
  useQueueRows,
  useQueueStore,
} from '../../data/stores/queue-store';
import { QueueNotes } from './QueueNotes';
import { QueueToolbar } from './QueueToolbar';
import type { TicketSummary } from '../../data/summary';
import { workspaceActions } from '../../data/workspace';
import { uiActions, useUiStore } from '../../data/stores/ui-store';

const ROW_HEIGHT = 56;
/** Rows drawn beyond each edge of the screen, so a scroll shows rows already there. */
const OVERSCAN = 4;

/**
 * The columns give way one by one as the queue narrows (the split beside the ticket, a small window):
 * age first, then assignee, then priority, then stage; ticket and title always stay, and nothing
 * overlaps. Container queries, so the queue answers to its own width, not the window's. Narrowest
 * first, each wider query adding a column: Griffel orders the queries by their text, which for these
 * widths (all three digits) is also the order in which the wider must win.
 */
const WITH_STAGE = '@container (min-width: 400px)';
const WITH_PRIORITY = '@container (min-width: 580px)';
const WITH_ASSIGNEE = '@container (min-width: 710px)';
const WITH_AGE = '@container (min-width: 800px)';
// The stage column fits its longest badge, "Escalated to Microsoft", on one line.
const columns = {
  display: 'grid',
  gridTemplateColumns: '100px minmax(0, 1fr)',
  [WITH_STAGE]: { gridTemplateColumns: '100px minmax(0, 1fr) 170px' },
  [WITH_PRIORITY]: { gridTemplateColumns: '100px minmax(160px, 1fr) 170px 90px' },
  [WITH_ASSIGNEE]: { gridTemplateColumns: '100px minmax(160px, 1fr) 170px 90px 130px' },
  [WITH_AGE]: { gridTemplateColumns: '100px minmax(160px, 1fr) 170px 90px 130px 80px' },
} as const;

const useStyles = makeStyles({
  pane: {
    display: 'grid',
    gridTemplateRows: 'auto auto auto auto 1fr',
    minHeight: 0,
    // Whatever the split, the queue stays inside its pane instead of running under the ticket.
    minWidth: 0,
    overflow: 'hidden',
    containerType: 'inline-size',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  header: {
    ...columns,
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
  scroller: { overflowY: 'auto', minHeight: 0, position: 'relative' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    ...columns,
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  // A bar at the row's start marks a ticket new since the console opened, beside its "New" badge.
  fresh: { boxShadow: `inset 4px 0 0 ${tokens.colorBrandStroke1}` },
  cell: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  number: { fontWeight: tokens.fontWeightSemibold },
  caption: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  titleCell: { display: 'flex', flexDirection: 'column', overflow: 'hidden' },
  // Brand blue is too faint on a hovered or selected row in the dark theme; this blue reads on both.
  sessionToday: { color: tokens.colorPaletteBlueForeground2, fontWeight: tokens.fontWeightSemibold },
  empty: { padding: tokens.spacingHorizontalXL },
  stage: { display: 'none', [WITH_STAGE]: { display: 'flex' } },
  priority: { display: 'none', [WITH_PRIORITY]: { display: 'block' } },
  assignee: { display: 'none', [WITH_ASSIGNEE]: { display: 'block' } },
  age: { display: 'none', [WITH_AGE]: { display: 'block' } },
});

const SCOPE_LABEL: Record<QueueScope, string> = { all: 'All', mine: 'My tickets', unassigned: 'Team queue' };

type QueueClasses = ReturnType<typeof useStyles>;

interface RowProps {
  summary: TicketSummary;
  index: number;
  top: number;
  selected: boolean;
  /** Arrived while the console was open and not opened yet. */
  fresh: boolean;
  /** The grid's one Tab stop: the row the keyboard is on. */
  active: boolean;
  now: Date;
  cadence: FollowUpCadence;
  /** The grid's classes, looked up once for all rows: a style hook per row costs a style insertion per mount. */
  styles: QueueClasses;
  badges: TicketBadgeClasses;
}

/** The start of the row's confirmed session today (the engineer's day), from the row alone: no read. */
function sessionToday(summary: TicketSummary, now: Date): Date | null {
  const today = summary.sessions.find((session) => session.status === 'confirmed' && isSameDay(session.start, now));
  return today === undefined ? null : new Date(today.start);
}

const QueueRow = memo(function QueueRow({
  summary,
  index,
  top,
  selected,
  fresh,
  active,
  now,
  cadence,
  styles,
  badges,
}: RowProps) {
  const session = sessionToday(summary, now);
  const followUp = followUpState(summary, cadence, now);
  // Clicks and keys are handled once, on the grid: a row is only what it shows.
  return (
    <div
      role="row"
      aria-selected={selected}
      aria-rowindex={index + 1}
      tabIndex={active ? 0 : -1}
      data-ticket-id={summary.id}
      data-row-index={index}
      data-ticket-number={summary.number}
      className={mergeClasses(styles.row, selected && styles.selected, fresh && styles.fresh)}
      style={{ top, height: ROW_HEIGHT }}
    >
      {/* Plain elements styled once, not Text components: a fast scroll mounts dozens of rows a frame. */}
      <div role="cell" className={styles.titleCell}>
        <span className={mergeClasses(styles.cell, styles.number)}>{summary.number}</span>
        {/* A ticket new since the console opened has no session booked today: one second line serves both. */}
        {fresh ? (
          <NewBadge classes={badges} />
        ) : (
          session !== null && (
            <span
              className={mergeClasses(styles.cell, styles.caption, styles.sessionToday)}
              title={`Remote session today at ${timeText(session)}`}
            >
              Session {timeText(session)}
            </span>
          )
        )}
      </div>
      <div role="cell" className={styles.titleCell}>
        <span className={styles.cell}>{summary.title}</span>
        <span className={mergeClasses(styles.cell, styles.caption)}>
          {summary.customerName ?? 'Company name missing'} · {summary.tenantDomain ?? 'no tenant domain'}
        </span>
      </div>
      <div role="cell" className={mergeClasses(styles.titleCell, styles.stage)}>
        <StageBadge stage={summary.stage} classes={badges} />
        {followUp === null ? (
          <span className={mergeClasses(styles.cell, styles.caption)}>{STATUS_LABEL[summary.status]}</span>
        ) : (
          <FollowUpBadge state={followUp} classes={badges} />
        )}
      </div>
      <div role="cell" className={styles.priority}>
        <PriorityBadge priority={summary.priority} classes={badges} />
      </div>
      <span role="cell" className={mergeClasses(styles.cell, styles.assignee)}>
        {summary.assigneeName ?? 'Unassigned'}
      </span>
      <span role="cell" className={mergeClasses(styles.cell, styles.age)} title={summary.createdAt}>
        {formatDistanceStrict(summary.createdAt, now)}
      </span>
    </div>
  );
});

/** The tabs with their counts: they change with the counts and the tab, not with a scroll or a search. */
function ScopeTabs() {
  const { scope, counts } = useQueueStore(
    useShallow((s) => ({ scope: s.scope, counts: s.showClosed ? s.counts.all : s.counts.open })),
  );
  return (
    <TabList selectedValue={scope} onTabSelect={(_, data) => queueActions.setScope(data.value as QueueScope)}>
      {(Object.keys(SCOPE_LABEL) as QueueScope[]).map((value) => (
        <Tab key={value} value={value}>
          {SCOPE_LABEL[value]} ({counts[value]})
        </Tab>
      ))}
    </TabList>
  );
}

const ColumnHeaders = memo(function ColumnHeaders() {
  const styles = useStyles();
  return (
    <div className={styles.header} role="row" aria-hidden>
      <Caption1>Ticket</Caption1>
      <Caption1>Title · customer</Caption1>
      <Caption1 className={styles.stage}>Stage</Caption1>
      <Caption1 className={styles.priority}>Priority</Caption1>
      <Caption1 className={styles.assignee}>Assignee</Caption1>
      <Caption1 className={styles.age}>Age</Caption1>
    </div>
  );
});

/** Where the keyboard is in the grid: the row's place, and its ticket to find it again when the rows change. */
interface GridCursor {
  index: number;
  id: string;
}

const MOVES: Partial<Record<ShortcutId, (index: number, last: number) => number>> = {
  nextTicket: (index, last) => Math.min(index + 1, last),
  previousTicket: (index) => Math.max(index - 1, 0),
  firstTicket: () => 0,
  lastTicket: (_, last) => last,
};

/** How far from its old place a ticket is looked for after the rows changed: a sync moves a few rows, not thousands. */
const CURSOR_REACH = 50;

/** The row the keyboard is on: the same ticket if it moved a little, else the same place. No walk of every row. */
function activeIndexOf(cursor: GridCursor | null, tickets: readonly TicketSummary[]): number {
  if (cursor === null || tickets.length === 0) return 0;
  if (tickets[cursor.index]?.id === cursor.id) return cursor.index;
  const from = Math.max(0, cursor.index - CURSOR_REACH);
  const to = Math.min(tickets.length - 1, cursor.index + CURSOR_REACH);
  for (let index = from; index <= to; index += 1) if (tickets[index]?.id === cursor.id) return index;
  return Math.min(cursor.index, tickets.length - 1);
}

function rowOf(target: EventTarget): HTMLElement | null {
  return target instanceof HTMLElement ? target.closest<HTMLElement>('[data-row-index]') : null;
}

/**
 * The note, the column headers and the virtualized grid: what a scroll, a selection or a search's
 * answer re-renders, and nothing above it. The grid is one Tab stop: J/K and the arrows move the
 * focus between rows, Enter opens the ticket.
 */
function QueueRows() {
  const styles = useStyles();
  const badges = useTicketBadgeClasses();
  const { phase, noTickets, selectedId, search, cadence, fresh } = useQueueStore(
    useShallow((s) => ({
      phase: s.phase,
      noTickets: s.counts.all.all === 0,
      selectedId: s.selectedId,
      search: s.search,
      cadence: s.cadence,
      fresh: s.fresh,
    })),
  );
  const tickets = useQueueRows();
  const scroller = useRef<HTMLDivElement>(null);
  const shown = useRowWindow(scroller, tickets.length, ROW_HEIGHT, OVERSCAN);
  const now = useMinuteClock();
  // The follow-up filter is judged again each minute, as the badges are.
  useEffect(() => queueActions.tick(now), [now]);
  const [cursor, setCursor] = useState<GridCursor | null>(null);
  const activeIndex = activeIndexOf(cursor, tickets);
  // Set by a key that moved the cursor: the row takes the focus once it is drawn.
  const focusPending = useRef(false);
  const activeShown = activeIndex >= shown.start && activeIndex < shown.end;
  // Rows are keyed by their place modulo the window: a scroll gives the rows it leaves behind to those
  // it brings, which only change what they show. The keyboard's row keeps its element while shown; once
  // scrolled away, the row that would take its key gets another, so a focused element never shows a
  // different ticket.
  const keyOf = (index: number) =>
    index !== activeIndex && index % shown.slots === activeIndex % shown.slots ? 'spare' : index % shown.slots;

  useEffect(() => {
    if (!focusPending.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
    if (row === null || row === undefined) return;
    focusPending.current = false;
    row.focus({ preventScroll: true });
  });

  // Rows are all ROW_HEIGHT tall, so the row's place is known: scrolled just into view directly, which
  // stays right when keys come fast; it takes the focus once drawn.
  const reveal = (index: number) => {
    const box = scroller.current;
    if (box !== null) {
      const top = index * ROW_HEIGHT;
      if (top < box.scrollTop) box.scrollTop = top;
      else if (top + ROW_HEIGHT > box.scrollTop + box.clientHeight) box.scrollTop = top + ROW_HEIGHT - box.clientHeight;
    }
    focusPending.current = true;
  };

  const moveTo = (index: number) => {
    const summary = tickets[index];
    if (summary === undefined) return;
    setCursor({ index, id: summary.id });
    reveal(index);
  };

  const requested = useUiStore((s) => s.queueRequested);
  const rowsShown = tickets.length > 0;
  const focusRequested = useEffectEvent(() => reveal(activeIndex));
  useEffect(() => {
    if (!requested || !rowsShown) return;
    uiActions.queueFocused();
    focusRequested();
  }, [requested, rowsShown]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const shortcut = shortcutFor(event, 'queue');
    if (shortcut === undefined || tickets.length === 0) return;
    event.preventDefault();
    if (shortcut.id === 'openTicket') {
      const summary = tickets[activeIndex];
      if (summary !== undefined) void workspaceActions.openTicket(summary.id);
      return;
    }
    const move = MOVES[shortcut.id];
    if (move !== undefined) moveTo(move(activeIndex, tickets.length - 1));
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const row = rowOf(event.target);
    if (row === null) {
      // The grid itself has the Tab stop while the keyboard's row is scrolled away: bring the row back.
      if (event.target === scroller.current) moveTo(activeIndex);
      return;
    }
    const index = Number(row.dataset.rowIndex);
    if (index !== activeIndex && row.dataset.ticketId !== undefined) setCursor({ index, id: row.dataset.ticketId });
  };

  return (
    <>
      <QueueNotes phase={phase} search={search} shown={tickets.length} />
      <ColumnHeaders />
      <div
        ref={scroller}
        className={styles.scroller}
        role="grid"
        aria-label="Tickets"
        aria-rowcount={tickets.length}
        tabIndex={tickets.length > 0 && !activeShown ? 0 : -1}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onClick={(event) => {
          const id = rowOf(event.target)?.dataset.ticketId;
          if (id !== undefined) void workspaceActions.openTicket(id);
        }}
      >
        {phase === 'empty' ? (
          <Spinner label="Loading the local copy…" className={styles.empty} />
        ) : tickets.length === 0 ? (
          <Text className={styles.empty}>
            {noTickets
              ? 'No tickets here yet. They appear as soon as the first sync completes.'
              : 'No ticket matches this view.'}
          </Text>
        ) : (
          <div style={{ height: tickets.length * ROW_HEIGHT, position: 'relative' }} role="rowgroup">
            {tickets.slice(shown.start, shown.end).map((summary, offset) => {
              const index = shown.start + offset;
              return (
                <QueueRow
                  key={keyOf(index)}
                  summary={summary}
                  index={index}
                  top={index * ROW_HEIGHT}
                  selected={summary.id === selectedId}
                  fresh={fresh.has(summary.id)}
                  active={index === activeIndex}
                  now={now}
                  cadence={cadence}
                  styles={styles}
                  badges={badges}
                />
              );
            })}
          </div>
        )}
      </div>
    </>
  );
}

/** The queue's parts each read only what they show, so a keystroke or a scroll re-renders only its own part. */
export function QueueView() {
  const styles = useStyles();
  return (
    <section className={styles.pane} aria-label="Ticket queue">
      <ScopeTabs />
      <QueueToolbar />
      <QueueRows />
    </section>
  );
}
