/** failValidation: closes a ticket that fails a validation layer, sending the customer the explanation. */
import { z } from 'zod';
import { CLOSURE_REASON_LABEL, VALIDATION_FAILURE_REASONS } from '../domain/flow';
import { TicketId, type ValidationLayer } from '../domain/ticket';
import { summarizeChecks, validateTicket, validationPassed } from '../domain/validation';
import { defineMutation, refuse } from './mutation';
import {
  EntryId,
  actorOf,
  applied,
  changed,
  closureNow,
  decideFor,
  outboundReply,
  refuseIfClosed,
  refuseIfIdsTaken,
  refuseTransition,
  replyBody,
  systemEvent,
} from './ticket-change';

export const FailValidationArgs = z.object({
  ticketId: TicketId,
  reason: z.enum(VALIDATION_FAILURE_REASONS, {
    message: 'choose why validation failed: not_entitled or missing_information',
  }),
  /** The final text the engineer sends (proposed by closureExplanation, edited before sending). */
  explanation: replyBody(8000),
  replyId: EntryId,
  eventId: EntryId,
});
export type FailValidationArgs = z.infer<typeof FailValidationArgs>;

const LAYER_OF: Record<FailValidationArgs['reason'], ValidationLayer> = {
  not_entitled: 'entitlement',
  missing_information: 'mandatory_information',
};

/** "passes every entitlement check": the refusal's reason, phrased per layer. */
const LAYER_PASSES: Record<ValidationLayer, string> = {
  entitlement: 'passes every entitlement check',
  mandatory_information: 'has all the mandatory information',
};

export const failValidation = defineMutation({
  name: 'failValidation',
  args: FailValidationArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'failing validation');
    if (closed) return closed;
    const decision = decideFor(ticket, 'fail_validation', context, args.reason);
    if (!decision.ok) return refuseTransition(decision);
    // Checked again at apply time: a ticket whose details were completed meanwhile must not be closed for them.
    const checks = validateTicket(ticket);
    const layer = LAYER_OF[args.reason];
    if (checks.every((check) => check.layer !== layer || check.passed)) {
      const reasonText = CLOSURE_REASON_LABEL[args.reason].toLowerCase();
      const instead = validationPassed(checks)
        ? 'Pass validation instead.'
        : `Close it as ${args.reason === 'not_entitled' ? 'missing information' : 'not entitled'} instead.`;
      return refuse(
        'illegal_transition',
        `${ticket.number} ${LAYER_PASSES[layer]}: it cannot be closed as ${reasonText}. ${instead}`,
      );
    }
    const taken = refuseIfIdsTaken(ticket, [args.eventId, args.replyId]);
    if (taken) return taken;
    const label = CLOSURE_REASON_LABEL[args.reason].toLowerCase();
    return applied(
      changed(
        ticket,
        context,
        {
          stage: decision.stage,
          status: decision.status,
          validation: { ranBy: actorOf(context.actor), ranAt: context.now, checks },
          closure: closureNow(args.reason, args.explanation, context),
        },
        [
          systemEvent(args.eventId, context, `Validation failed (${summarizeChecks(checks)}): closed as ${label}`),
          outboundReply(args.replyId, context, args.explanation),
        ],
      ),
    );
  },
});
