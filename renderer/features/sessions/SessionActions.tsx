/**
 * What can be done to one session now, asked of the shared rules (sessionChangeProblem): allowed changes
 * open their dialog, the others stay visible but disabled with the rule's reason; plus the customer's
 * link while it is open and the calendar invite once there is one.
 */
import { Button, Caption1, Field, Textarea, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, CopyRegular } from '@fluentui/react-icons';
import { type ReactElement, useState } from 'react';
import {
  linkIsOpen,
  sessionChangeProblem,
  type RemoteSession,
  type SessionChange,
} from '../../../shared/domain/remote-session';
import { hasInvite, sessionIcs } from '../../../shared/domain/session-ics';
import type { TeamContext, Ticket, User } from '../../../shared/domain';
import { schedulingLink } from '../../../shared/mutations';
import { platform } from '../../platform';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { TextDialog } from '../../ui/TextDialog';
import type { ChangeRunner } from '../../ui/use-change';
import { ConfirmSessionDialog } from './ConfirmSessionDialog';
import { RescheduleDialog } from './RescheduleDialog';
import { inYourZone } from './session-time';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  done: { color: tokens.colorNeutralForeground3 },
});

/** The button of a change the rules refuse now: visible, with the reason on hover and focus. */
function Refused({ label, reason }: { label: string; reason: string }) {
  return (
    <Tooltip content={reason} relationship="description">
      <Button disabledFocusable>{label}</Button>
    </Tooltip>
  );
}

function NoShowDialog({ ticket, session, change }: { ticket: Ticket; session: RemoteSession; change: ChangeRunner }) {
  const [note, setNote] = useState('');
  return (
    <ChangeDialog
      trigger={<Button>Mark no-show…</Button>}
      title={`The customer did not join the session on ${ticket.number}`}
      confirmLabel="Mark as no-show"
      canConfirm={!change.busy}
      onOpen={() => setNote('')}
      onConfirm={() =>
        change.attempt('markSessionNoShow', {
          ticketId: ticket.id,
          sessionId: session.id,
          note: note.trim() === '' ? null : note.trim(),
          eventId: crypto.randomUUID(),
        })
      }
    >
      <Field label="What you tried (optional)" hint="For example: waited 15 minutes, called the customer's number.">
        <Textarea value={note} rows={3} onChange={(_, data) => setNote(data.value)} />
      </Field>
    </ChangeDialog>
  );
}

/** The customer's scheduling page, while its times can still be picked. */
export function customerLink(session: RemoteSession, team: TeamContext, now: Date): string | null {
  return session.linkToken !== null && linkIsOpen(session, now) ? schedulingLink(team, session.linkToken) : null;
}

/** What a session's card and its actions are given. */
export interface SessionProps {
  ticket: Ticket;
  session: RemoteSession;
  team: TeamContext;
  user: User;
  change: ChangeRunner;
  now: Date;
  /** Why no session of this ticket can change now (its stage), or null. */
  stageProblem: string | null;
}

export function SessionActions({ ticket, session, team, user, change, now, stageProblem }: SessionProps) {
  const styles = useStyles();
  // What the last copy or export said, about the session as it was then: a change to the session clears it.
  const [saidAbout, setSaidAbout] = useState<{ text: string; version: string | null } | null>(null);
  const said = saidAbout !== null && saidAbout.version === session.updatedAt ? saidAbout.text : null;
  const setSaid = (text: string) => setSaidAbout({ text, version: session.updatedAt });
  const active = session.status === 'proposed' || session.status === 'confirmed';
  const problem = (kind: SessionChange) => stageProblem ?? sessionChangeProblem(session, kind, now, inYourZone);
  const gated = (kind: SessionChange, label: string, dialog: () => ReactElement) => {
    const reason = problem(kind);
    return reason === null ? dialog() : <Refused key={kind} label={label} reason={reason} />;
  };
  const link = customerLink(session, team, now);

  const copyLink = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('The link is copied: paste it wherever you talk to the customer.');
    } catch {
      setSaid('The link could not be copied here: select it above and copy it.');
    }
  };

  const exportIcs = async () => {
    const invite = sessionIcs({
      ticket: { number: ticket.number, title: ticket.title },
      session,
      organizer:
        session.engineer.id === user.id ? { name: user.name, email: user.email } : { name: session.engineer.name },
      now: new Date(),
    });
    if (!invite.ok) {
      setSaid(invite.error);
      return;
    }
    const saved = await platform.saveFile({ suggestedName: invite.fileName, content: invite.text });
    if (!saved.ok) setSaid(`The invite was not saved: ${saved.error}`);
    else if (saved.value.saved) {
      setSaid(saved.value.path === null ? `Saved ${invite.fileName}.` : `Saved to ${saved.value.path}.`);
    }
  };

  return (
    <>
      <div className={styles.actions} role="toolbar" aria-label="Session actions">
        {active && (
          <>
            {session.status === 'proposed' &&
              gated('confirm', 'Confirm a time…', () => (
                <ConfirmSessionDialog key="confirm" ticket={ticket} session={session} change={change} />
              ))}
            {gated('reschedule', 'Reschedule…', () => (
              <RescheduleDialog
                key="reschedule"
                ticket={ticket}
                session={session}
                engineerId={user.id}
                change={change}
              />
            ))}
            {gated('cancel', 'Cancel session…', () => (
              <TextDialog
                key="cancel"
                trigger={<Button>Cancel session…</Button>}
                title={`Cancel the session on ${ticket.number}`}
                intro="The customer is told the session is off, with your reason."
                label="Why (sent to the customer)"
                proposal=""
                confirmLabel="Cancel the session"
                onConfirm={(reason) =>
                  change.attempt('cancelSession', {
                    ticketId: ticket.id,
                    sessionId: session.id,
                    reason,
                    eventId: crypto.randomUUID(),
                    replyId: crypto.randomUUID(),
                  })
                }
              />
            ))}
            {gated('complete', 'Complete…', () => (
              <TextDialog
                key="complete"
                trigger={<Button>Complete…</Button>}
                title={`The session on ${ticket.number} took place`}
                intro="Recorded on the ticket's timeline for the team; not sent to the customer."
                label="Outcome notes"
                proposal=""
                confirmLabel="Record the outcome"
                onConfirm={(outcomeNotes) =>
                  change.attempt('completeSession', {
                    ticketId: ticket.id,
                    sessionId: session.id,
                    outcomeNotes,
                    eventId: crypto.randomUUID(),
                  })
                }
              />
            ))}
            {gated('no_show', 'Mark no-show…', () => (
              <NoShowDialog key="no_show" ticket={ticket} session={session} change={change} />
            ))}
          </>
        )}
        {link !== null && (
          <Button icon={<CopyRegular />} onClick={() => void copyLink(link)}>
            Copy the customer&apos;s link
          </Button>
        )}
        {hasInvite(session) && (
          <Button icon={<ArrowDownloadRegular />} onClick={() => void exportIcs()}>
            {session.status === 'cancelled' ? 'Export the cancellation (.ics)' : 'Export .ics'}
          </Button>
        )}
      </div>
      {said !== null && (
        <Caption1 className={styles.done} role="status">
          {said}
        </Caption1>
      )}
    </>
  );
}
