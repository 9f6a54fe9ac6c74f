/**
 * The ticket's remote sessions: the ones still to happen first, then the history, and a way to propose
 * a new one while the ticket's stage allows it (the flow says why not otherwise).
 */
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { sessionStageProblem, type TeamContext, type Ticket } from '../../../shared/domain';
import { sessionSlot, type RemoteSession } from '../../../shared/domain/remote-session';
import { useSessionStore } from '../../data/stores/session-store';
import type { ChangeRunner } from '../../ui/use-change';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { ProposeDialog } from './ProposeDialog';
import { SessionCard } from './SessionCard';
import { engineerZone } from './session-time';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  zones: { color: tokens.colorNeutralForeground3 },
  refused: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const upcoming = (session: RemoteSession) => session.status === 'proposed' || session.status === 'confirmed';

/** Proposed and confirmed sessions first, soonest first; then the rest, latest first. */
function inOrder(sessions: readonly RemoteSession[]): RemoteSession[] {
  const start = (session: RemoteSession) => sessionSlot(session).start;
  return [
    ...sessions.filter(upcoming).sort((a, b) => start(a).localeCompare(start(b))),
    ...sessions.filter((session) => !upcoming(session)).sort((a, b) => start(b).localeCompare(start(a))),
  ];
}

export function SessionsPanel({ ticket, team, change }: { ticket: Ticket; team: TeamContext; change: ChangeRunner }) {
  const styles = useStyles();
  const user = useSessionStore((s) => s.session?.user);
  const now = useMinuteClock();
  const stageProblem = sessionStageProblem(ticket);
  if (user === undefined) return null;
  // A ticket that never had sessions and cannot have them now (validation, resolution, closed) shows nothing.
  if (ticket.remoteSessions.length === 0 && stageProblem !== null) return null;
  const sessions = inOrder(ticket.remoteSessions);

  return (
    <section className={styles.panel} aria-label="Remote sessions">
      <div className={styles.heading}>
        <Subtitle2 as="h3">Remote sessions ({sessions.length})</Subtitle2>
        <Caption1 className={styles.zones}>
          Your time zone {engineerZone()} · the customer&apos;s {ticket.endCustomer.timeZone}
        </Caption1>
      </div>
      {ticket.stage !== 'closed' &&
        (stageProblem === null ? (
          <div>
            <ProposeDialog ticket={ticket} engineerId={user.id} change={change} />
          </div>
        ) : (
          <div className={styles.refused}>
            <Button disabled>Propose a session…</Button>
            <Caption1>{stageProblem}</Caption1>
          </div>
        ))}
      {sessions.length === 0 && <Text>No session yet. Propose times and the customer picks one from their link.</Text>}
      {sessions.map((session) => (
        <SessionCard
          key={session.id}
          ticket={ticket}
          session={session}
          team={team}
          user={user}
          change={change}
          now={now}
          stageProblem={stageProblem}
        />
      ))}
    </section>
  );
}
