/** The support ticket and everything recorded on it, as the console and the server exchange it. */
import { z } from 'zod';
import { EndCustomer, Entitlement } from './customer';
import { Escalation } from './escalation';
import { Actor, Requester, TeamId } from './people';
import { RemoteSession } from './remote-session';
import { Instant } from './time';

export const TicketId = z.uuid();
export type TicketId = z.infer<typeof TicketId>;

/** Human-facing ticket number, e.g. CSS-104233: six digits or more, so CSS-999999 is followed by CSS-1000000. */
export const TicketNumber = z.string().regex(/^CSS-\d{6,}$/, { message: 'a ticket number looks like CSS-104233' });

export const Channel = z.enum(['web_form', 'chat']);
export type Channel = z.infer<typeof Channel>;

/** Incident priority as stated by the requester (and corrected by the engineer). */
export const Priority = z.enum(['critical', 'high', 'normal', 'low']);
export type Priority = z.infer<typeof Priority>;
export const PRIORITY_RANK: Record<Priority, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** The product area the incident is about. */
export const Scope = z.enum([
  'exchange_online',
  'teams',
  'sharepoint_onedrive',
  'entra_id',
  'intune',
  'microsoft_365_apps',
  'azure',
  'dynamics_365',
  'power_platform',
  'licensing_billing',
]);
export type Scope = z.infer<typeof Scope>;

export const Stage = z.enum(['validation', 'investigation', 'escalated', 'resolution', 'closed']);
export type Stage = z.infer<typeof Stage>;

/** Where the ticket stands within its stage; flow.ts says which statuses each stage allows. */
export const Status = z.enum([
  'new',
  'in_progress',
  'waiting_on_customer',
  'waiting_on_microsoft',
  'awaiting_confirmation',
  'closed',
]);
export type Status = z.infer<typeof Status>;

export const ClosureReason = z.enum([
  'resolved',
  'resolved_without_confirmation',
  'not_entitled',
  'missing_information',
  'on_premise_not_entitled',
]);
export type ClosureReason = z.infer<typeof ClosureReason>;

export const Closure = z.object({
  reason: ClosureReason,
  /** What the customer is told, already sent as a customer reply on the timeline. */
  explanation: z.string().max(8000),
  closedAt: Instant,
  closedBy: Actor,
});
export type Closure = z.infer<typeof Closure>;

const entryBase = { id: z.uuid(), at: Instant };

export const TimelineEntry = z.discriminatedUnion('kind', [
  z.object({ ...entryBase, kind: z.literal('internal_note'), author: Actor, body: z.string().min(1).max(20000) }),
  z.object({
    ...entryBase,
    kind: z.literal('customer_reply'),
    /** outbound: the engineer wrote to the customer; inbound: the customer wrote to us. */
    direction: z.enum(['outbound', 'inbound']),
    author: z.object({ name: z.string().min(1).max(160) }),
    body: z.string().min(1).max(20000),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('system_event'),
    actor: Actor.nullable(),
    text: z.string().min(1).max(2000),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ValidationLayer = z.enum(['entitlement', 'mandatory_information']);
export type ValidationLayer = z.infer<typeof ValidationLayer>;

export const ValidationCheck = z.object({
  layer: ValidationLayer,
  field: z.string().min(1).max(64),
  passed: z.boolean(),
  detail: z.string().max(500),
});
export type ValidationCheck = z.infer<typeof ValidationCheck>;

/** The last validation run: every check with its outcome, who ran it and when. */
export const ValidationRun = z.object({ ranBy: Actor, ranAt: Instant, checks: z.array(ValidationCheck) });
export type ValidationRun = z.infer<typeof ValidationRun>;

/** Asking the customer to confirm the fix, and the reminders sent since. */
export const ConfirmationRequest = z.object({
  requestedAt: Instant,
  remindersSent: z.number().int().min(0),
  lastReminderAt: Instant.nullable(),
});
export type ConfirmationRequest = z.infer<typeof ConfirmationRequest>;

export const Ticket = z.object({
  id: TicketId,
  number: TicketNumber,
  title: z.string().min(1).max(300),
  description: z.string().max(20000),
  channel: Channel,
  requester: Requester,
  endCustomer: EndCustomer,
  /** The marketplace entitlement for this reseller and end customer, as the portal knows it. */
  entitlement: Entitlement.nullable(),
  priority: Priority.nullable(),
  scope: Scope.nullable(),
  stage: Stage,
  status: Status,
  teamId: TeamId,
  assignee: Actor.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  validation: ValidationRun.nullable(),
  escalation: Escalation.nullable(),
  confirmation: ConfirmationRequest.nullable(),
  closure: Closure.nullable(),
  remoteSessions: z.array(RemoteSession),
  timeline: z.array(TimelineEntry),
  /** Bumped by every applied change; the console shows it and the server checks it. */
  version: z.number().int().min(1),
  /** The server's change sequence at this ticket's last change: the pull cursor orders by it. */
  serverSeq: z.number().int().min(0),
});
export type Ticket = z.infer<typeof Ticket>;
