/**
 * The queue: every cached ticket in the chosen scope, as a virtualized list (only the rows on screen
 * are rendered, so 50,000 cached tickets scroll like 50).
 */
import { Caption1, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { type FocusEvent, type KeyboardEvent, memo, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTicketBadgeClasses } from '../../ui/TicketBadges';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { useRowWindow } from '../../ui/use-row-window';
import { shortcutFor, type ShortcutId } from '../../ui/shortcuts';
import { queueActions, type QueueScope, useQueueRows, useQueueStore } from '../../data/stores/queue-store';
import { QueueNotes } from './QueueNotes';
import { QueueRow } from './QueueRow';
import { QueueToolbar } from './QueueToolbar';
import { OVERSCAN, ROW_HEIGHT, useQueueStyles } from './queue-styles';
import type { TicketSummary } from '../../data/summary';
import { workspaceActions } from '../../data/workspace';
import { uiActions, useUiStore } from '../../data/stores/ui-store';

const SCOPE_LABEL: Record<QueueScope, string> = { all: 'All', mine: 'My tickets', unassigned: 'Team queue' };

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
  const styles = useQueueStyles();
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
  const styles = useQueueStyles();
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
  const styles = useQueueStyles();
  return (
    <section className={styles.pane} aria-label="Ticket queue">
      <ScopeTabs />
      <QueueToolbar />
      <QueueRows />
    </section>
  );
}
