/**
 * What can be done to the open ticket now: only the steps the shared state machine allows, each
 * with the customer-facing text proposed from its template and editable before it is sent.
 */
import {
  Button,
  Caption1,
  Dropdown,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  Toolbar,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  STAGE_STATUSES,
  STATUS_LABEL,
  availableActions,
  closedWithoutConfirmation,
  confirmationReminder,
  confirmationRequest,
  decide,
  nextValidationStep,
  type Status,
  type TeamContext,
  type TeamMember,
  type Ticket,
} from '../../../shared/domain';
import { EditDetailsDialog } from './EditDetailsDialog';
import { FailValidationDialog } from './FailValidationDialog';
import { RecordAnswerDialog } from './RecordAnswerDialog';
import { StepButton } from '../../ui/StepButton';
import { TextDialog } from '../../ui/TextDialog';
import type { ChangeRunner } from '../../ui/use-change';
import type { TicketParts } from './ticket-parts';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  status: { minWidth: '200px' },
});

const id = () => crypto.randomUUID();

interface Props {
  ticket: Ticket;
  team: TeamContext;
  user: TeamMember;
  change: ChangeRunner;
  /** The escalate step, from the escalations feature (the app composes it). */
  escalate: TicketParts['escalate'];
  /** The steps on the open Microsoft case, from the escalations feature. */
  caseActions: TicketParts['caseActions'];
}

export function TicketActions({ ticket, team, user, change, escalate: Escalate, caseActions: CaseActions }: Props) {
  const styles = useStyles();
  const now = new Date();
  const options = { policy: team.policy, now };
  const allowed = new Set(availableActions(ticket, options));
  const ticketId = ticket.id;
  const validationStep = nextValidationStep(ticket);

  if (ticket.stage === 'closed') {
    const reopen = decide(ticket, 'reopen', options);
    return (
      <Toolbar className={styles.bar} aria-label="Ticket actions">
        {reopen.ok ? (
          <TextDialog
            trigger={<Button appearance="primary">Reopen…</Button>}
            step="reopen"
            title={`Reopen ${ticket.number}`}
            intro="The ticket goes back to investigation. Say why, for the team and the record."
            label="Why it is reopened"
            proposal=""
            confirmLabel="Reopen"
            onConfirm={(reason) => change.attempt('reopenTicket', { ticketId, eventId: id(), reason })}
          />
        ) : (
          <>
            <Button disabled>Reopen…</Button>
            <Caption1>{reopen.reason}</Caption1>
          </>
        )}
      </Toolbar>
    );
  }

  const assignee = ticket.assignee;
  const statuses = STAGE_STATUSES[ticket.stage];
  const closeWithout = decide(ticket, 'close_without_confirmation', options);
  const notFixed = decide(ticket, 'report_not_fixed', options);

  return (
    <Toolbar className={styles.bar} aria-label="Ticket actions">
      {assignee?.id !== user.id && (
        <StepButton
          step="take"
          onClick={() => void change.run('assignTicket', { ticketId, eventId: id(), assigneeId: user.id })}
        >
          Take
        </StepButton>
      )}
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button>Assign…</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {team.members
              .filter((member) => member.id !== assignee?.id)
              .map((member) => (
                <MenuItem
                  key={member.id}
                  onClick={() => void change.run('assignTicket', { ticketId, eventId: id(), assigneeId: member.id })}
                >
                  {member.name}
                </MenuItem>
              ))}
            {assignee !== null && (
              <MenuItem onClick={() => void change.run('assignTicket', { ticketId, eventId: id(), assigneeId: null })}>
                Return to the team queue
              </MenuItem>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      {/* An escalated ticket's status follows its Microsoft case: the escalation panel sets both at once. */}
      {statuses.length > 1 && ticket.stage !== 'escalated' && (
        <Dropdown
          className={styles.status}
          aria-label="Status"
          value={STATUS_LABEL[ticket.status]}
          selectedOptions={[ticket.status]}
          onOptionSelect={(_, data) =>
            void change.run('setStatus', { ticketId, eventId: id(), status: data.optionValue as Status })
          }
        >
          {statuses.map((status) => (
            <Option key={status} value={status}>
              {STATUS_LABEL[status]}
            </Option>
          ))}
        </Dropdown>
      )}
      <EditDetailsDialog ticket={ticket} change={change} />

      {ticket.stage === 'validation' && (
        <>
          <StepButton
            step="run_validation"
            appearance={validationStep.next === 'run' ? 'primary' : 'secondary'}
            onClick={() => void change.run('runValidation', { ticketId, eventId: id() })}
          >
            Run validation
          </StepButton>
          {allowed.has('pass_validation') &&
            (validationStep.failing === null ? (
              <StepButton
                step="pass_validation"
                appearance={validationStep.next === 'pass' ? 'primary' : 'secondary'}
                onClick={() => void change.run('passValidation', { ticketId, eventId: id() })}
              >
                Pass validation
              </StepButton>
            ) : (
              <Tooltip content={validationStep.failing} relationship="description">
                <Button disabledFocusable>Pass validation</Button>
              </Tooltip>
            ))}
          {allowed.has('fail_validation') && (
            <FailValidationDialog
              ticket={ticket}
              change={change}
              step="fail_validation"
              trigger={
                <Button appearance={validationStep.next === 'fail' ? 'primary' : 'secondary'}>
                  Fail validation and close…
                </Button>
              }
            />
          )}
        </>
      )}

      {allowed.has('escalate') && <Escalate ticket={ticket} change={change} />}
      <CaseActions ticket={ticket} team={team} change={change} />
      {allowed.has('request_confirmation') && (
        <TextDialog
          trigger={<Button appearance="primary">Ask the customer to confirm…</Button>}
          step="request_confirmation"
          title={`Ask the customer to confirm the fix of ${ticket.number}`}
          intro="The ticket moves to resolution and waits for the customer's confirmation."
          label="Message to the customer"
          proposal={confirmationRequest(ticket)}
          confirmLabel="Send"
          onConfirm={(body) => change.attempt('requestConfirmation', { ticketId, replyId: id(), eventId: id(), body })}
        />
      )}

      {ticket.stage === 'resolution' && (
        <>
          <RecordAnswerDialog
            ticket={ticket}
            notFixedTo={notFixed.ok ? notFixed.stage : 'investigation'}
            change={change}
          />
          <TextDialog
            trigger={<Button>Send a reminder…</Button>}
            step="send_reminder"
            title={`Remind the customer about ${ticket.number}`}
            label="Reminder"
            proposal={confirmationReminder(ticket, (ticket.confirmation?.remindersSent ?? 0) + 1)}
            confirmLabel="Send reminder"
            onConfirm={(body) => change.attempt('sendReminder', { ticketId, replyId: id(), eventId: id(), body })}
          />
          {closeWithout.ok ? (
            <TextDialog
              trigger={<Button>Close without confirmation…</Button>}
              step="close_without_confirmation"
              title={`Close ${ticket.number} without confirmation`}
              label="Message to the customer"
              proposal={closedWithoutConfirmation(ticket, ticket.confirmation?.remindersSent ?? 0)}
              confirmLabel="Close and send"
              onConfirm={(body) =>
                change.attempt('closeWithoutConfirmation', { ticketId, replyId: id(), eventId: id(), body })
              }
            />
          ) : (
            <Tooltip content={closeWithout.reason} relationship="description">
              <Button disabledFocusable>Close without confirmation…</Button>
            </Tooltip>
          )}
        </>
      )}
    </Toolbar>
  );
}
