/** L3 Microsoft escalations in the demo: case numbers, severities, Microsoft contacts and the follow-up log. */
import { suggestSeverity } from '../../shared/domain/cadence';
import type { Escalation, FollowUp, Scenario, Severity } from '../../shared/domain/escalation';
import type { Actor } from '../../shared/domain/people';
import type { Priority } from '../../shared/domain/ticket';
import type { DemoIssue } from './issues';
import { microsoftEngineers } from './organisations';
import type { DemoRandom } from './random';
import type { StoryTime } from './story-time';

const OVERRIDE_REASONS: Record<Severity, string> = {
  critical: 'Business stopped: the whole sales floor cannot take calls; raised to A with the customer.',
  moderate: 'Workaround in place but affects many users; agreed B with the customer.',
  minimal: 'Only one test user affected now that the workaround is applied; lowered to C.',
};

const RESPONDED = [
  'Microsoft engineer asked for fresh diagnostic logs; forwarded the request to the customer.',
  'Call with the Microsoft case owner: the case is now with the product group.',
  'Microsoft confirmed a service-side issue; fix rolling out, ETA three working days.',
  'Microsoft shared mitigation steps; applied them with the customer, monitoring.',
  'Microsoft requested a remote session with the customer; proposed slots sent.',
];
const SILENT = [
  'Asked Microsoft for an update through the portal; no reply yet.',
  'Called the Microsoft support line to chase the case owner; left a message.',
  'Reminder sent to the case owner; asked for the duty manager if no answer today.',
];

export interface EscalationEnding {
  /** Where Microsoft stands when the story ends; `closed` closes the case now. */
  status: Escalation['status'];
  scenario: Scenario;
  /** Follow-ups stop this many minutes before now; days-old ones show as overdue in the console. */
  quietMinutesBeforeNow: number;
}

export function escalate(
  random: DemoRandom,
  time: StoryTime,
  engineer: Actor,
  issue: DemoIssue,
  priority: Priority | null,
  ending: EscalationEnding,
): Escalation {
  const openedAt = time.later(4 * 60, 48 * 60);
  const suggestedSeverity = suggestSeverity(priority);
  const override = random.chance(0.12);
  const severity = override ? random.pick(['critical', 'moderate', 'minimal'] as const) : suggestedSeverity;
  const contact = random.pick(microsoftEngineers);
  const followUps: FollowUp[] = [];
  // Closed cases get a handful of contacts; open ones keep being chased until shortly before now.
  const maxFollowUps = ending.status === 'closed' ? random.int(2, 5) : 40;
  while (followUps.length < maxFollowUps && time.remainingMinutes - ending.quietMinutesBeforeNow > 20 * 60) {
    const silent = random.chance(0.35);
    followUps.push({
      id: random.uuid(),
      at: time.later(12 * 60, 56 * 60),
      channel: random.pick(['portal', 'email', 'phone', 'teams'] as const),
      summary: random.pick(silent ? SILENT : RESPONDED),
      microsoftResponded: !silent,
      loggedBy: engineer,
    });
  }
  const closedAt = ending.status === 'closed' ? time.later(6 * 60, 30 * 60) : null;
  const yymmdd = openedAt.slice(2, 10).replaceAll('-', '');
  return {
    // Azure support cases carry 16 digits, Partner Center service requests 15.
    caseNumber: `${yymmdd}${random.digits(issue.scope === 'azure' ? 10 : 9)}`,
    severity,
    suggestedSeverity,
    severityOverrideReason: severity === suggestedSeverity ? null : OVERRIDE_REASONS[severity],
    status: ending.status,
    scenario: ending.scenario,
    supportTopic: issue.supportTopic,
    product: issue.product,
    microsoftContact: {
      name: contact,
      email: random.chance(0.7)
        ? `${contact
            .toLowerCase()
            .replace(/[^a-z ]/g, '')
            .replace(' ', '.')}@microsoft.com`
        : null,
    },
    openedAt,
    openedBy: engineer,
    lastModifiedAt: closedAt ?? followUps.at(-1)?.at ?? openedAt,
    closedAt,
    followUps,
  };
}
