/**
 * The L3 Microsoft escalation. It mirrors Partner Center's ServiceRequest resource (severity,
 * status, support topic, product, primary contact, dates, notes) so a connector can fill it later.
 */
import { z } from 'zod';
import { Actor } from './people';
import { Instant } from './time';

/** Partner Center service request ids are 15 digits, Azure support case numbers 16. */
export const MicrosoftCaseNumber = z.string().regex(/^\d{15,16}$/, {
  message: 'the Microsoft case number must be 15 digits (Partner Center) or 16 digits (Azure)',
});

/** Partner Center's severities, shown to engineers as A / B / C. */
export const Severity = z.enum(['critical', 'moderate', 'minimal']);
export type Severity = z.infer<typeof Severity>;
export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'A', moderate: 'B', minimal: 'C' };

/** attention_needed: Microsoft is waiting on us. */
export const EscalationStatus = z.enum(['open', 'attention_needed', 'closed']);
export type EscalationStatus = z.infer<typeof EscalationStatus>;

/** Microsoft decides whether the issue falls in the Cloud or the On-Premise scenario. */
export const Scenario = z.enum(['undetermined', 'cloud', 'on_premise']);
export type Scenario = z.infer<typeof Scenario>;

export const FollowUpChannel = z.enum(['portal', 'email', 'phone', 'teams']);
export type FollowUpChannel = z.infer<typeof FollowUpChannel>;

/** One contact with Microsoft; maps to a note of the ServiceRequest. */
export const FollowUp = z.object({
  id: z.uuid(),
  at: Instant,
  channel: FollowUpChannel,
  summary: z.string().trim().min(1).max(4000),
  microsoftResponded: z.boolean(),
  loggedBy: Actor,
});
export type FollowUp = z.infer<typeof FollowUp>;

export const MicrosoftContact = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.email().nullable(),
});
export type MicrosoftContact = z.infer<typeof MicrosoftContact>;

export const Escalation = z.object({
  caseNumber: MicrosoftCaseNumber,
  severity: Severity,
  suggestedSeverity: Severity,
  /** Required whenever severity differs from the suggestion. */
  severityOverrideReason: z.string().max(1000).nullable(),
  status: EscalationStatus,
  scenario: Scenario,
  supportTopic: z.string().max(200),
  product: z.string().max(200),
  microsoftContact: MicrosoftContact,
  openedAt: Instant,
  openedBy: Actor,
  lastModifiedAt: Instant,
  closedAt: Instant.nullable(),
  followUps: z.array(FollowUp),
});
export type Escalation = z.infer<typeof Escalation>;
