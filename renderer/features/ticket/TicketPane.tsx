/**
 * The open ticket: who and what it is about and its actions (always in view), its panels, details and
 * timeline (which scroll), and the note box docked at the bottom.
 */
import {
  Button,
  Caption1,
  MessageBarActions,
  MessageBarTitle,
  Divider,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { type ReactNode, useDeferredValue } from 'react';
import {
  CHANNEL_LABEL,
  CLOSURE_REASON_LABEL,
  SCOPE_LABEL,
  STATUS_LABEL,
  soloTeam,
  type Ticket,
  dateTimeText,
  instantsInText,
} from '../../../shared/domain';
import { PriorityBadge, StageBadge, useTicketBadgeClasses } from '../../ui/TicketBadges';
import { useTicketStore } from '../../data/stores/ticket-store';
import { Composer } from './Composer';
import { TicketActions } from './TicketActions';
import { ValidationChecklist } from './ValidationChecklist';
import { useChange } from '../../ui/use-change';
import type { TicketParts } from './ticket-parts';
import type { OutboxEntry } from '../../data/outbox-entry';
import type { TicketView } from '../../data/rebase';
import { useSessionStore } from '../../data/stores/session-store';
import { useTeamStore } from '../../data/stores/team-store';
import { workspaceActions } from '../../data/workspace';
import { Timeline } from './Timeline';

const useStyles = makeStyles({
  // The pane never scrolls as a whole: its header (with the actions) and the composer stay in view,
  // and only the middle (panels, details, timeline) scrolls.
  pane: {
    display: 'grid',
    gridTemplateRows: 'auto auto minmax(0, 1fr) auto',
    minWidth: 0,
    minHeight: 0,
    overflow: 'hidden',
  },
  top: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
  },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // A long title keeps to two lines, a size smaller than a page title, so the actions below it stay in
  // reach on a small window; the whole title is its tooltip.
  title: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    margin: 0,
  },
  actions: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  scroll: {
    overflowY: 'auto',
    minHeight: 0,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  dock: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  description: { whiteSpace: 'pre-wrap' },
  placeholder: { padding: tokens.spacingHorizontalXXL, color: tokens.colorNeutralForeground3 },
  error: { padding: tokens.spacingHorizontalL },
});

function Facts({ ticket }: { ticket: Ticket }) {
  const styles = useStyles();
  const { endCustomer, requester, entitlement } = ticket;
  const rows: [string, ReactNode][] = [
    ['Customer', endCustomer.companyName ?? 'Missing'],
    ['Tenant domain', endCustomer.tenantDomain ?? 'Missing'],
    ['Customer time zone', endCustomer.timeZone],
    ['Requester', `${requester.name} <${requester.email}>`],
    ['Reseller', requester.resellerName],
    [
      'Entitlement',
      entitlement === null
        ? 'Unknown'
        : `${entitlement.active ? 'Active' : 'Inactive'} ${entitlement.supportPlan} plan · On-Premise add-on ${entitlement.onPremiseAddOn ? 'held' : 'not held'}`,
    ],
    ['Scope', ticket.scope === null ? 'Missing' : SCOPE_LABEL[ticket.scope]],
    ['Channel', CHANNEL_LABEL[ticket.channel]],
    ['Assignee', ticket.assignee?.name ?? 'Unassigned (team queue)'],
    ['Opened', dateTimeText(ticket.createdAt)],
  ];
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Changes to this ticket the server refused: what was tried, why not, and a way to let it go. */
function RefusedChanges({ entries }: { entries: readonly OutboxEntry[] }) {
  return entries.map((entry) => (
    <MessageBar key={entry.seq} intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The server refused a change</MessageBarTitle>
        {instantsInText(entry.refusal?.message ?? '')}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => void workspaceActions.discardRefused(entry.seq)}>Discard</Button>
      </MessageBarActions>
    </MessageBar>
  ));
}

function ClosureNote({ ticket }: { ticket: Ticket }) {
  if (ticket.closure === null) return null;
  const { reason, closedAt, closedBy } = ticket.closure;
  return (
    <MessageBar intent={reason === 'resolved' || reason === 'resolved_without_confirmation' ? 'success' : 'info'}>
      <MessageBarBody>
        <MessageBarTitle>Closed: {CLOSURE_REASON_LABEL[reason]}</MessageBarTitle>
        by {closedBy.name} on {dateTimeText(closedAt)}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Everything under the title, rendered in the background after the header: opening a ticket shows
 * whose it is at once, and its actions, panels and timeline follow without holding the click up.
 */
function TicketBody({ view, parts }: { view: TicketView; parts: TicketParts }) {
  const styles = useStyles();
  // Null at first, so a freshly opened pane commits its header before the body is rendered.
  const shown = useDeferredValue(view, null);
  const team = useTeamStore((s) => s.team);
  const user = useSessionStore((s) => s.session?.user);
  const change = useChange();
  // Another ticket's body is never shown under this one's header, not even for a frame.
  if (shown === null || shown.ticket.id !== view.ticket.id) return null;
  const { ticket } = shown;
  const member = user === undefined ? null : { id: user.id, name: user.name, role: user.role };
  const rules = team ?? (member === null ? null : soloTeam(member));
  return (
    <>
      <div className={styles.actions}>
        {member !== null && rules !== null && (
          <TicketActions
            ticket={ticket}
            team={rules}
            user={member}
            change={change}
            escalate={parts.escalate}
            caseActions={parts.caseActions}
          />
        )}
        {change.error !== null && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{change.error}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="transparent" onClick={() => change.clearError()}>
                Dismiss
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {/* Focusable, so the timeline scrolls from the keyboard even when nothing in it is (a closed ticket). */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label="Details and timeline">
        <RefusedChanges entries={shown.refused} />
        <ClosureNote ticket={ticket} />
        {rules !== null && <parts.panels ticket={ticket} team={rules} change={change} />}
        {(ticket.stage === 'validation' || ticket.validation !== null) && (
          <ValidationChecklist run={ticket.validation} />
        )}
        <Facts ticket={ticket} />
        <Text className={styles.description}>{ticket.description}</Text>
        <Divider />
        <Subtitle1 as="h3">Timeline</Subtitle1>
        <Timeline entries={ticket.timeline} pendingIds={shown.unsentEntryIds} recipient={ticket.requester} />
      </div>
      {ticket.stage !== 'closed' && (
        <div className={styles.dock}>
          <Composer ticket={ticket} change={change} />
        </div>
      )}
    </>
  );
}

export function TicketPane({ parts }: { parts: TicketParts }) {
  const styles = useStyles();
  const badges = useTicketBadgeClasses();
  const view = useTicketStore((s) => s.view);
  const error = useTicketStore((s) => s.error);

  if (error !== null) {
    return (
      <section className={mergeClasses(styles.pane, styles.error)}>
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      </section>
    );
  }
  if (view === null) {
    return <Text className={styles.placeholder}>Select a ticket in the queue to see its details and timeline.</Text>;
  }
  const { ticket } = view;
  return (
    <section className={styles.pane} aria-label={`Ticket ${ticket.number}`}>
      <header className={styles.top}>
        <div className={styles.heading}>
          <Caption1>{ticket.number}</Caption1>
          <span role="group" aria-label="Stage">
            <StageBadge stage={ticket.stage} classes={badges} />
          </span>
          <Caption1 role="group" aria-label="Status">
            {STATUS_LABEL[ticket.status]}
          </Caption1>
          <PriorityBadge priority={ticket.priority} classes={badges} />
        </div>
        <Title3 as="h2" className={styles.title} title={ticket.title}>
          {ticket.title}
        </Title3>
      </header>
      {/* Keyed by the ticket: a refusal, a dialog's state or a half-written note stays with the ticket it came from. */}
      <TicketBody key={ticket.id} view={view} parts={parts} />
    </section>
  );
}
