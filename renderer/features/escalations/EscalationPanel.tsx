/**
 * The Microsoft escalation on a ticket: the case, its severity and status, the follow-ups logged, and
 * the flags the cadence derives from them (follow-up overdue, Microsoft silent), kept current by the clock.
 * The steps on the case are among the ticket's actions (CaseActions), where they stay in view.
 */
import { Badge, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDistanceStrict } from 'date-fns';
import { SEVERITY_LABEL, escalationFlags, type TeamContext, type Ticket, dateTimeText } from '../../../shared/domain';
import { SeverityBadge, useTicketBadgeClasses } from '../../ui/TicketBadges';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { CHANNEL_TEXT, ESCALATION_STATUS_TEXT, SCENARIO_TEXT } from './follow-up-labels';
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
  followUp: { display: 'flex', flexDirection: 'column' },
  followUps: { ...plainColumnList, gap: tokens.spacingVerticalXS },
});

export function EscalationPanel({
  ticket,
  team,
}: {
  ticket: Ticket;
  /** The team's rules: its cadence for the flags. */
  team: TeamContext;
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
    ['Opened', `${dateTimeText(escalation.openedAt)} (${formatDistanceStrict(escalation.openedAt, now)} ago)`],
    ['Scenario', SCENARIO_TEXT[escalation.scenario]],
    [
      'Last Microsoft contact',
      flags.lastMicrosoftContact === null ? 'None yet' : dateTimeText(flags.lastMicrosoftContact),
    ],
    ['Next follow-up due', active ? dateTimeText(flags.nextFollowUpDue) : '—'],
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
      <Text weight="semibold">Follow-ups ({followUps.length})</Text>
      <ol className={styles.followUps} aria-label="Follow-ups with Microsoft">
        {followUps.map((followUp) => (
          <li key={followUp.id} className={styles.followUp}>
            <Caption1>
              {dateTimeText(followUp.at)} · {CHANNEL_TEXT[followUp.channel]} · {followUp.loggedBy.name} ·{' '}
              {followUp.microsoftResponded ? 'Microsoft responded' : 'no response'}
            </Caption1>
            <Text>{followUp.summary}</Text>
          </li>
        ))}
      </ol>
    </section>
  );
}
