/** Which demo tickets exist: stage mix, teams, assignees, customers, ages, and what is wrong with them. */
import type { EndCustomer, Entitlement, SupportPlan } from '../../shared/domain/customer';
import type { Requester } from '../../shared/domain/people';
import type { Channel, ClosureReason, Priority, Scope, Stage } from '../../shared/domain/ticket';
import { type DemoIssue, issues } from './issues';
import {
  type DemoCustomer,
  type DemoReseller,
  type DemoTeamId,
  type DemoUser,
  contactFirstNames,
  contactLastNames,
  customers,
  demoUsers,
  resellers,
} from './organisations';
import type { DemoRandom } from './random';

/** An end customer as one reseller sells to it, with the marketplace entitlement (null: none on record). */
export interface CustomerAccount {
  customer: DemoCustomer;
  reseller: DemoReseller;
  entitlement: Entitlement | null;
}

/** Where the ticket's story ends: a stage, and for closed tickets the reason. */
export type Outcome = { stage: Exclude<Stage, 'closed'> } | { stage: 'closed'; reason: ClosureReason };

export interface TicketPlan {
  outcome: Outcome;
  teamId: DemoTeamId;
  assignee: DemoUser | null;
  lead: DemoUser;
  account: CustomerAccount;
  /** As the requester typed it: possibly missing or malformed, which validation will catch. */
  endCustomer: EndCustomer;
  requester: Requester;
  issue: DemoIssue;
  channel: Channel;
  priority: Priority | null;
  scope: Scope | null;
  createdAt: Date;
  /** Whether the story went through an L3 Microsoft escalation. */
  escalated: boolean;
  /** For open escalations: the last follow-up with Microsoft is days old. */
  followUpOverdue: boolean;
  /**
   * Whether the investigation scheduled a remote session. Drawn here, with everything else that says
   * what a ticket is, so it never depends on the instant the demo is seeded: the story's own draws do.
   */
  remoteSession: boolean;
}

/** Whether investigation is the story's last step: where it ends, without an escalation on the way. */
export function endsInInvestigation(plan: Pick<TicketPlan, 'outcome' | 'escalated'>): boolean {
  return plan.outcome.stage === 'investigation' && !plan.escalated;
}

/** How many tickets end where, and how old they are (hours, from..to). */
const outcomes: { outcome: Outcome; count: number; ageHours: [number, number] }[] = [
  { outcome: { stage: 'validation' }, count: 30, ageHours: [0.3, 72] },
  { outcome: { stage: 'investigation' }, count: 55, ageHours: [20, 14 * 24] },
  { outcome: { stage: 'escalated' }, count: 45, ageHours: [3 * 24, 35 * 24] },
  { outcome: { stage: 'resolution' }, count: 22, ageHours: [4 * 24, 40 * 24] },
  { outcome: { stage: 'closed', reason: 'resolved' }, count: 16, ageHours: [6 * 24, 75 * 24] },
  { outcome: { stage: 'closed', reason: 'resolved_without_confirmation' }, count: 8, ageHours: [12 * 24, 75 * 24] },
  { outcome: { stage: 'closed', reason: 'not_entitled' }, count: 9, ageHours: [1 * 24, 60 * 24] },
  { outcome: { stage: 'closed', reason: 'missing_information' }, count: 8, ageHours: [1 * 24, 60 * 24] },
  { outcome: { stage: 'closed', reason: 'on_premise_not_entitled' }, count: 7, ageHours: [8 * 24, 60 * 24] },
];

const isAzureIssue = (issue: DemoIssue) => issue.scope === 'azure' || issue.product === 'Azure plan';
const issuesByTeam: Record<DemoTeamId, DemoIssue[]> = {
  'tm-azure': issues.filter((issue) => isAzureIssue(issue) || issue.scope === 'entra_id'),
  'tm-modern-work': issues.filter((issue) => !isAzureIssue(issue)),
};

const isEntitled = (account: CustomerAccount) =>
  account.entitlement !== null && account.entitlement.active && account.entitlement.supportPlan !== 'none';

/** Each customer buys through one reseller; a few hold no plan, an expired one, or the On-Premise add-on. */
export function planAccounts(random: DemoRandom): CustomerAccount[] {
  return customers.map((customer, index) => {
    const reseller = resellers[index % resellers.length] as DemoReseller;
    const roll = random.next();
    if (roll < 0.08) return { customer, reseller, entitlement: null };
    const supportPlan: SupportPlan =
      roll < 0.13 ? 'none' : random.pick(['standard', 'standard', 'advanced', 'premier']);
    return {
      customer,
      reseller,
      entitlement: { supportPlan, active: roll < 0.13 || !random.chance(0.07), onPremiseAddOn: random.chance(0.3) },
    };
  });
}

export function planTickets(random: DemoRandom, accounts: CustomerAccount[], now: Date): TicketPlan[] {
  const entitled = accounts.filter(isEntitled);
  const notEntitled = accounts.filter((account) => !isEntitled(account));
  const withoutOnPremise = entitled.filter((account) => account.entitlement?.onPremiseAddOn === false);
  const plans = outcomes.flatMap(({ outcome, count, ageHours: [from, to] }) =>
    Array.from({ length: count }, (_, index): TicketPlan => {
      // Every third ticket of each outcome goes to the Azure team, so both teams see every stage.
      const teamId: DemoTeamId = index % 3 === 2 ? 'tm-azure' : 'tm-modern-work';
      const closedAs = outcome.stage === 'closed' ? outcome.reason : null;
      const account =
        closedAs === 'not_entitled' || (outcome.stage === 'validation' && index % 10 === 3)
          ? random.pick(notEntitled)
          : random.pick(closedAs === 'on_premise_not_entitled' ? withoutOnPremise : entitled);
      const issue = random.pick(issuesByTeam[teamId]);
      const flaw =
        closedAs === 'missing_information'
          ? flawFor(index, true)
          : outcome.stage === 'validation'
            ? flawFor(index, false)
            : null;
      const escalated =
        outcome.stage === 'escalated' ||
        closedAs === 'on_premise_not_entitled' ||
        ((outcome.stage === 'resolution' || closedAs?.startsWith('resolved') === true) && random.chance(0.45));
      return {
        outcome,
        teamId,
        assignee: pickAssignee(random, teamId, outcome.stage),
        lead: demoUsers.find((user) => user.teamId === teamId && user.role === 'lead') as DemoUser,
        account,
        endCustomer: {
          companyName: flaw === 'companyName' ? null : account.customer.companyName,
          tenantDomain: tenantAsTyped(account.customer.tenantDomain, flaw),
          timeZone: account.customer.timeZone,
        },
        requester: requesterFor(random, account.reseller),
        issue,
        channel: random.chance(0.7) ? 'web_form' : 'chat',
        priority:
          flaw === 'priority' ? null : random.pick(['critical', 'high', 'high', 'normal', 'normal', 'normal', 'low']),
        scope: flaw === 'scope' ? null : issue.scope,
        createdAt: new Date(now.getTime() - random.int(from * 60, to * 60) * 60_000),
        escalated,
        followUpOverdue: random.chance(0.3),
        // Sessions are likelier where investigation is the story's last step.
        remoteSession: random.chance(endsInInvestigation({ outcome, escalated }) ? 0.4 : 0.2),
      };
    }),
  );
  return plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

type Flaw = 'companyName' | 'tenantDomain' | 'malformedTenant' | 'priority' | 'scope';

const flaws: Flaw[] = ['tenantDomain', 'companyName', 'malformedTenant', 'priority', 'scope'];

/** Some intake forms arrive incomplete (one in four still in validation): layer 2 names the field. */
function flawFor(index: number, always: boolean): Flaw | null {
  if (!always && index % 4 !== 0) return null;
  return flaws[(always ? index : index / 4) % flaws.length] ?? null;
}

function tenantAsTyped(tenantDomain: string, flaw: Flaw | null): string | null {
  if (flaw === 'tenantDomain') return null;
  // The usual mistake: the company's public domain instead of its onmicrosoft.com one.
  if (flaw === 'malformedTenant') return tenantDomain.replace('.onmicrosoft.com', '.com');
  return tenantDomain;
}

/** Engineers carry most tickets; leads a few; the team queue holds new, unassigned ones. */
function pickAssignee(random: DemoRandom, teamId: DemoTeamId, stage: Stage): DemoUser | null {
  if (stage === 'validation' && random.chance(0.6)) return null;
  const team = demoUsers.filter((user) => user.teamId === teamId);
  const engineers = team.filter((user) => user.role === 'engineer');
  const leads = team.filter((user) => user.role === 'lead');
  const leadShare = teamId === 'tm-azure' ? 0.35 : 0.1;
  return random.chance(leadShare) ? random.pick(leads) : random.pick(engineers);
}

function requesterFor(random: DemoRandom, reseller: DemoReseller): Requester {
  const first = random.pick(contactFirstNames);
  const last = random.pick(contactLastNames);
  const ascii = (name: string) =>
    name
      .normalize('NFD')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return {
    name: `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}@${reseller.domain}`,
    resellerId: reseller.id,
    resellerName: reseller.name,
  };
}
