/**
 * Triage: the team's tickets still in validation (and the user's own), one at a time, oldest first, with
 * the ticket's essentials and its validation checklist on one screen and one key per action. Every action
 * is a normal change of the local copy, queued for the server, so a sweep works offline.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  Title3,
  ToggleButton,
  Toolbar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CHANNEL_LABEL,
  PRIORITY_LABEL,
  Priority,
  SCOPE_LABEL,
  SUPPORT_PLAN_LABEL,
  availableActions,
  nextValidationStep,
  type Ticket,
  dateTimeText,
} from '../../../shared/domain';
import { useSessionStore } from '../../data/stores/session-store';
import { useTeamStore } from '../../data/stores/team-store';
import { useTicketStore } from '../../data/stores/ticket-store';
import { workspaceActions } from '../../data/workspace';
import { useChange } from '../../ui/use-change';
import { KeyCap } from '../../ui/KeyCap';
import { type ShortcutId, shortcut, shortcutFor, singleKeyAllowed } from '../../ui/shortcuts';
import { ValidationChecklist } from './ValidationChecklist';
import { FailValidationDialog } from './FailValidationDialog';

const useStyles = makeStyles({
  view: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    maxWidth: '1100px',
  },
  header: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  bar: { flexWrap: 'wrap', gap: tokens.spacingHorizontalS, padding: 0 },
  key: { marginRight: tokens.spacingHorizontalXS },
});

/** Each priority's key, the most urgent first. */
const PRIORITY_KEYS: Record<Priority, ShortcutId> = {
  critical: 'triageCritical',
  high: 'triageHigh',
  normal: 'triageNormal',
  low: 'triageLow',
};

const id = () => crypto.randomUUID();

/** The key of a triage step, as the keyboard labels it, beside the step's name. */
function Key({ of }: { of: ShortcutId }) {
  const styles = useStyles();
  return (
    <span aria-hidden>
      <KeyCap className={styles.key} combination={shortcut(of).keys[0] ?? ''} />
    </span>
  );
}

function Essentials({ ticket }: { ticket: Ticket }) {
  const styles = useStyles();
  const { requester, endCustomer, entitlement } = ticket;
  const facts: [string, string][] = [
    [
      'Customer',
      `${endCustomer.companyName ?? 'Company name missing'} · ${endCustomer.tenantDomain ?? 'no tenant domain'}`,
    ],
    ['Reseller', `${requester.resellerName} — ${requester.name} <${requester.email}>`],
    [
      'Entitlement',
      entitlement === null
        ? 'None found'
        : `${SUPPORT_PLAN_LABEL[entitlement.supportPlan]}${entitlement.active ? '' : ' (inactive)'}`,
    ],
    ['Priority', ticket.priority === null ? 'Not set' : PRIORITY_LABEL[ticket.priority]],
    ['Product area', ticket.scope === null ? 'Not set' : SCOPE_LABEL[ticket.scope]],
    ['Received', `${dateTimeText(ticket.createdAt)} by ${CHANNEL_LABEL[ticket.channel]}`],
    ['Assignee', ticket.assignee?.name ?? 'Unassigned (team queue)'],
    ['Description', ticket.description],
  ];
  return (
    <section aria-label="Essentials">
      <dl className={styles.facts}>
        {facts.map(([term, detail]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function TriageView({ onDone }: { onDone: () => void }) {
  const styles = useStyles();
  const [queue, setQueue] = useState<string[] | null>(null);
  const [index, setIndex] = useState(0);
  const view = useTicketStore((s) => s.view);
  const team = useTeamStore((s) => s.team);
  const user = useSessionStore((s) => s.session?.user);
  const change = useChange();
  const assignButton = useRef<HTMLButtonElement>(null);
  const failButton = useRef<HTMLButtonElement>(null);

  // The list is taken once, when triage starts: what is triaged stays in it, so the counter only goes down.
  useEffect(() => {
    void workspaceActions.triageQueue().then((rows) => setQueue(rows.map((row) => row.id)));
  }, []);
  const currentId = queue?.[index] ?? null;
  useEffect(() => {
    if (currentId !== null) void workspaceActions.openTicket(currentId);
  }, [currentId]);

  const ticket = view !== null && view.ticket.id === currentId ? view.ticket : null;
  const left = queue === null ? 0 : queue.length - index;
  const next = useCallback(() => setIndex((at) => at + 1), []);
  const back = useCallback(() => setIndex((at) => Math.max(0, at - 1)), []);

  const allowed = new Set(
    ticket === null || team === null ? [] : availableActions(ticket, { policy: team.policy, now: new Date() }),
  );
  const step = ticket === null ? null : nextValidationStep(ticket);
  const canPass = allowed.has('pass_validation') && step?.failing === null;
  const primary = (next: 'run' | 'pass' | 'fail') => (step?.next === next ? 'primary' : 'secondary');

  const take = () => {
    if (ticket !== null && user !== undefined && ticket.assignee?.id !== user.id)
      void change.run('assignTicket', { ticketId: ticket.id, eventId: id(), assigneeId: user.id });
  };
  const prioritize = (priority: Priority) => {
    if (ticket !== null) void change.run('updateDetails', { ticketId: ticket.id, eventId: id(), priority });
  };
  const validate = () => {
    if (ticket !== null) void change.run('runValidation', { ticketId: ticket.id, eventId: id() });
  };
  const pass = () => {
    if (ticket !== null && canPass)
      void change.run('passValidation', { ticketId: ticket.id, eventId: id() }).then((done) => done && next());
  };

  // The keys act on the ticket shown, through the shortcut table; a field, a dialog or a menu keeps its own keys.
  // Listened to afresh after each render, so a key always acts on what is on screen.
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      const id = shortcutFor(event, 'triage')?.id;
      if (id === undefined || ticket === null || !singleKeyAllowed(event)) return;
      const priority = Priority.options.find((candidate) => PRIORITY_KEYS[candidate] === id);
      const actions: Partial<Record<ShortcutId, () => void>> = {
        triageTake: take,
        triageAssign: () => assignButton.current?.click(),
        triageValidate: validate,
        triagePass: pass,
        triageFail: () => failButton.current?.click(),
        triageSkip: next,
        triageBack: back,
      };
      const action = priority === undefined ? actions[id] : () => prioritize(priority);
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  });

  if (queue === null) return <Spinner label="Finding the tickets to triage…" />;
  if (currentId === null) {
    return (
      <section className={styles.view} aria-label="Triage">
        <Title3 as="h2">Triage done</Title3>
        <Text>
          {queue.length === 0
            ? 'Nothing to triage: no ticket of the team or yours is waiting in validation.'
            : `All ${queue.length} tickets went through triage. Changes made offline are sent at the next sync.`}
        </Text>
        <div>
          <Button appearance="primary" onClick={onDone}>
            Back to the queue
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section className={styles.view} aria-label="Triage">
      <div className={styles.header}>
        <Title3 as="h2">Triage</Title3>
        <Text role="status">{left === 1 ? '1 ticket left' : `${left} tickets left`}</Text>
        <Button appearance="subtle" onClick={onDone}>
          Back to the queue
        </Button>
      </div>
      {ticket === null ? (
        <Spinner label="Opening the ticket…" />
      ) : (
        <>
          <Subtitle1 as="h3">
            {ticket.number} · {ticket.title}
          </Subtitle1>
          <Toolbar className={styles.bar} aria-label="Triage actions">
            <Button onClick={take} disabled={ticket.assignee?.id === user?.id}>
              <Key of="triageTake" />
              Take
            </Button>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button ref={assignButton}>
                  <Key of="triageAssign" />
                  Assign to…
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {(team?.members ?? [])
                    .filter((member) => member.role === 'engineer')
                    .map((member) => (
                      <MenuItem
                        key={member.id}
                        onClick={() =>
                          void change.run('assignTicket', { ticketId: ticket.id, eventId: id(), assigneeId: member.id })
                        }
                      >
                        {member.name}
                      </MenuItem>
                    ))}
                </MenuList>
              </MenuPopover>
            </Menu>
            {Priority.options.map((priority) => (
              <ToggleButton key={priority} checked={ticket.priority === priority} onClick={() => prioritize(priority)}>
                <Key of={PRIORITY_KEYS[priority]} />
                {PRIORITY_LABEL[priority]}
              </ToggleButton>
            ))}
            <Button appearance={primary('run')} onClick={validate}>
              <Key of="triageValidate" />
              Run validation
            </Button>
            <Button appearance={primary('pass')} disabled={!canPass} title={step?.failing ?? undefined} onClick={pass}>
              <Key of="triagePass" />
              Pass validation
            </Button>
            <FailValidationDialog
              ticket={ticket}
              change={change}
              onFailed={next}
              trigger={
                <Button ref={failButton} appearance={primary('fail')} disabled={!allowed.has('fail_validation')}>
                  <Key of="triageFail" />
                  Fail and close…
                </Button>
              }
            />
            <Button onClick={next}>
              <Key of="triageSkip" />
              Skip
            </Button>
          </Toolbar>
          {change.error !== null && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{change.error}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.columns}>
            <Essentials ticket={ticket} />
            <ValidationChecklist run={ticket.validation} />
          </div>
        </>
      )}
    </section>
  );
}
