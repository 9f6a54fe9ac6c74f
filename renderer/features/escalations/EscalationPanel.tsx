/**
 * The Microsoft escalation on a ticket: the case, its severity and status, the follow-ups logged, and
 * the flags the cadence derives from them (follow-up overdue, Microsoft silent), kept current by the clock.
 */
import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Option,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { format, formatDistanceStrict } from 'date-fns';
import { SEVERITY_LABEL, decide, escalationFlags, type TeamContext, type Ticket } from '../../../shared/domain';
import { SeverityBadge, useTicketBadgeClasses } from '../../ui/TicketBadges';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { TextDialog } from '../../ui/TextDialog';
import type { ChangeRunner } from '../../ui/use-change';
import { CHANNEL_TEXT, ESCALATION_STATUS_TEXT, SCENARIO_TEXT } from './follow-up-labels';
import { LogFollowUpDialog } from './LogFollowUpDialog';
import { RecordScenarioDialog } from './RecordScenarioDialog';
import { plainColumnList } from '../../ui/list-styles';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorPaletteRedBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: '2px',
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  followUp: { display: 'flex', flexDirection: 'column' },
  followUps: { ...plainColumnList, gap: tokens.spacingVerticalXS },
});

const when = (at: string | Date) => format(at, 'd MMM yyyy, HH:mm');

export function EscalationPanel({
  ticket,
  team,
  change,
}: {
  ticket: Ticket;
  /** The team's rules: its cadence for the flags, its policy for the flow. */
  team: TeamContext;
  change: ChangeRunner;
}) {
  const styles = useStyles();
  const badges = useTicketBadgeClasses();
  const now = useMinuteClock();
  const escalation = ticket.escalation;
  if (escalation === null) return null;
  const flags = escalationFlags(escalation, team.cadence, now);
  const active = ticket.stage === 'escalated' && escalation.status !== 'closed';
  const followUps = [...escalation.followUps].sort((a, b) => b.at.localeCompare(a.at));
  const facts: [string, string][] = [
    [
      'Microsoft engineer',
      `${escalation.microsoftContact.name}${escalation.microsoftContact.email === null ? '' : ` <${escalation.microsoftContact.email}>`}`,
    ],
    ['Topic · product', `${escalation.supportTopic} · ${escalation.product}`],
    ['Opened', `${when(escalation.openedAt)} (${formatDistanceStrict(escalation.openedAt, now)} ago)`],
    ['Scenario', SCENARIO_TEXT[escalation.scenario]],
    ['Last Microsoft contact', flags.lastMicrosoftContact === null ? 'None yet' : when(flags.lastMicrosoftContact)],
    ['Next follow-up due', active ? when(flags.nextFollowUpDue) : '—'],
  ];

  return (
    <section className={styles.box} aria-label="Microsoft escalation">
      <div className={styles.heading}>
        <Subtitle2>Microsoft case {escalation.caseNumber}</Subtitle2>
        <SeverityBadge severity={escalation.severity} classes={badges} />
        <Caption1>{ESCALATION_STATUS_TEXT[escalation.status]}</Caption1>
        {flags.followUpOverdue && (
          <Badge appearance="filled" color="danger">
            Follow-up overdue
          </Badge>
        )}
        {flags.microsoftSilent && (
          <Badge appearance="tint" color="warning">
            Microsoft silent
          </Badge>
        )}
      </div>
      {escalation.severityOverrideReason !== null && (
        <Caption1>
          Severity set to {SEVERITY_LABEL[escalation.severity]} instead of the suggested{' '}
          {SEVERITY_LABEL[escalation.suggestedSeverity]}: {escalation.severityOverrideReason}
        </Caption1>
      )}
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
      {active && (
        <div className={styles.actions}>
          <LogFollowUpDialog ticket={ticket} change={change} />
          <Dropdown
            aria-label="Escalation status"
            value={ESCALATION_STATUS_TEXT[escalation.status]}
            selectedOptions={[escalation.status]}
            onOptionSelect={(_, data) =>
              void change.run('setEscalationStatus', {
                ticketId: ticket.id,
                eventId: crypto.randomUUID(),
                status: data.optionValue as 'open' | 'attention_needed',
              })
            }
          >
            <Option value="open">{ESCALATION_STATUS_TEXT.open}</Option>
            <Option value="attention_needed">{ESCALATION_STATUS_TEXT.attention_needed}</Option>
          </Dropdown>
          <RecordScenarioDialog
            ticket={ticket}
            onPremiseCloses={decide(ticket, 'record_on_premise_without_add_on', { policy: team.policy, now }).ok}
            change={change}
          />
          <TextDialog
            trigger={<Button>Microsoft resolved it…</Button>}
            step="microsoft_resolved"
            title={`Microsoft resolved ${ticket.number}`}
            intro="The ticket moves to resolution: ask the customer to confirm the fix next."
            label="What Microsoft did"
            proposal=""
            confirmLabel="Record resolution"
            error={change.error}
            onConfirm={(summary) =>
              change.run('microsoftResolved', { ticketId: ticket.id, eventId: crypto.randomUUID(), summary })
            }
          />
        </div>
      )}
      <Text weight="semibold">Follow-ups ({followUps.length})</Text>
      <ol className={styles.followUps} aria-label="Follow-ups with Microsoft">
        {followUps.map((followUp) => (
          <li key={followUp.id} className={styles.followUp}>
            <Caption1>
              {when(followUp.at)} · {CHANNEL_TEXT[followUp.channel]} · {followUp.loggedBy.name} ·{' '}
              {followUp.microsoftResponded ? 'Microsoft responded' : 'no response'}
            </Caption1>
            <Text>{followUp.summary}</Text>
          </li>
        ))}
      </ol>
    </section>
  );
}
