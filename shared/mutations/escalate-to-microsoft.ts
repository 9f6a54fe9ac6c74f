/** escalateToMicrosoft: records the Microsoft case raised for the ticket; the ticket waits on Microsoft from now on. */
import { isAfter, parseISO } from 'date-fns';
import { z } from 'zod';
import { suggestSeverity } from '../domain/cadence';
import { MicrosoftCaseNumber, SEVERITY_LABEL, Severity, type Escalation } from '../domain/escalation';
import { Email } from '../domain/people';
import { minuteStart } from '../domain/time';
import { TicketId } from '../domain/ticket';
import { instantArg } from './escalation-change';
import { defineMutation, refuse } from './mutation';
import {
  EntryId,
  actorOf,
  applied,
  changed,
  decideFor,
  refuseIfClosed,
  refuseIfIdsTaken,
  refuseTransition,
  systemEvent,
} from './ticket-change';

const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `give ${what}` })
    .max(max, { message: `${what} is longer than ${max.toLocaleString('en')} characters` });

export const EscalateToMicrosoftArgs = z.object({
  ticketId: TicketId,
  eventId: EntryId,
  caseNumber: MicrosoftCaseNumber,
  severity: z.enum(Severity.options, { message: 'the severity must be critical (A), moderate (B) or minimal (C)' }),
  /** Required when the severity differs from the one suggested by the ticket's priority. */
  severityOverrideReason: z
    .string()
    .trim()
    .max(1000, { message: 'the reason for the severity override is longer than 1,000 characters' })
    .optional(),
  microsoftContact: z.object({
    name: text('the name of the Microsoft engineer who owns the case', 120),
    email: Email.nullable(),
  }),
  supportTopic: text('the support topic chosen when the case was opened', 200),
  product: text('the Microsoft product the case is about', 200),
  /** When the case was opened at Microsoft, if before the engineer records it; now otherwise. */
  openedAt: instantArg('the time the Microsoft case was opened').optional(),
});
export type EscalateToMicrosoftArgs = z.infer<typeof EscalateToMicrosoftArgs>;

export const escalateToMicrosoft = defineMutation({
  name: 'escalateToMicrosoft',
  args: EscalateToMicrosoftArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'escalating it to Microsoft');
    if (closed) return closed;
    const decision = decideFor(ticket, 'escalate', context);
    if (!decision.ok) return refuseTransition(decision);
    const openedAt = args.openedAt ?? context.now;
    if (isAfter(parseISO(openedAt), parseISO(context.now))) {
      return refuse(
        'invalid_args',
        `${ticket.number}: the Microsoft case cannot be opened in the future (${openedAt} is after now, ${context.now}); give the time it was opened.`,
        'openedAt',
      );
    }
    // The dialog proposes the current minute: escalating in the ticket's first minute must be accepted.
    if (isAfter(minuteStart(ticket.createdAt), parseISO(openedAt))) {
      return refuse(
        'invalid_args',
        `${ticket.number}: the Microsoft case cannot have been opened (${openedAt}) before the ticket was received (${ticket.createdAt}); check the time it was opened.`,
        'openedAt',
      );
    }
    const suggestedSeverity = suggestSeverity(ticket.priority);
    const overridden = args.severity !== suggestedSeverity;
    // Trimmed again: apply can be called with arguments the schema has not trimmed.
    const reason = args.severityOverrideReason?.trim() ?? '';
    if (overridden && reason === '') {
      return refuse(
        'invalid_args',
        `${ticket.number}: severity ${SEVERITY_LABEL[args.severity]} differs from the suggested ${SEVERITY_LABEL[suggestedSeverity]}: give a reason for the override.`,
        'severityOverrideReason',
      );
    }
    const taken = refuseIfIdsTaken(ticket, [args.eventId]);
    if (taken) return taken;
    const escalation: Escalation = {
      caseNumber: args.caseNumber,
      severity: args.severity,
      suggestedSeverity,
      // A reason given for the suggested severity overrides nothing, so it is not kept.
      severityOverrideReason: overridden ? reason : null,
      status: 'open',
      scenario: 'undetermined',
      supportTopic: args.supportTopic,
      product: args.product,
      microsoftContact: args.microsoftContact,
      openedAt,
      openedBy: actorOf(context.actor),
      lastModifiedAt: context.now,
      closedAt: null,
      followUps: [],
    };
    const override = overridden ? ` (suggested ${SEVERITY_LABEL[suggestedSeverity]}: ${reason})` : '';
    return applied(
      changed(ticket, context, { stage: decision.stage, status: decision.status, escalation }, [
        systemEvent(
          args.eventId,
          context,
          `Escalated to Microsoft: case ${args.caseNumber}, severity ${SEVERITY_LABEL[args.severity]}${override}`,
        ),
      ]),
    );
  },
});
