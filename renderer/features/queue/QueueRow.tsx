/** One ticket's row in the queue: only what it shows, from the row alone (clicks and keys are the grid's). */
import { mergeClasses } from '@fluentui/react-components';
import { formatDistanceStrict, isSameDay } from 'date-fns';
import { memo } from 'react';
import { FollowUpBadge, NewBadge, PriorityBadge, StageBadge, type TicketBadgeClasses } from '../../ui/TicketBadges';
import { STATUS_LABEL, type FollowUpCadence, timeText } from '../../../shared/domain';
import { followUpState } from '../../data/stores/queue-store';
import type { TicketSummary } from '../../data/summary';
import { type QueueClasses, ROW_HEIGHT } from './queue-styles';

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

export const QueueRow = memo(function QueueRow({
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
