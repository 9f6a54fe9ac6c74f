/**
 * recordScenario: Microsoft's Cloud or On-Premise finding. On-Premise without the customer's add-on
 * closes the ticket as not entitled, telling the customer why; otherwise the escalation continues.
 */
import { z } from 'zod';
import { CLOSURE_REASON_LABEL } from '../domain/flow';
import { TicketId } from '../domain/ticket';
import { caseName, escalationChanged, openEscalation } from './escalation-change';
import { defineMutation, refuse } from './mutation';
import {
  EntryId,
  applied,
  changed,
  closureNow,
  decideFor,
  outboundReply,
  refuseIfIdsTaken,
  refuseTransition,
  replyBody,
  systemEvent,
} from './ticket-change';

export const RecordScenarioArgs = z
  .object({
    ticketId: TicketId,
    eventId: EntryId,
    scenario: z.enum(['cloud', 'on_premise'], { message: 'the scenario must be cloud or on_premise' }),
    /**
     * What the customer is told when the ticket closes (proposed by closureExplanation(ticket,
     * 'on_premise_not_entitled'), edited before sending); unused while the escalation continues.
     */
    explanation: replyBody(8000).optional(),
    /** The explanation's id on the timeline: required with it. */
    replyId: EntryId.optional(),
  })
  .superRefine((args, issues) => {
    if (args.explanation !== undefined && args.replyId === undefined) {
      issues.addIssue({ code: 'custom', path: ['replyId'], message: 'the explanation needs its id (replyId)' });
    }
  });
export type RecordScenarioArgs = z.infer<typeof RecordScenarioArgs>;

const CONTINUES: Record<RecordScenarioArgs['scenario'], string> = {
  cloud: 'Microsoft found the Cloud scenario; the escalation continues',
  on_premise:
    'Microsoft found the On-Premise scenario; the end customer holds the On-Premise add-on, so the escalation continues',
};

export const recordScenario = defineMutation({
  name: 'recordScenario',
  args: RecordScenarioArgs,
  apply(ticket, args, context) {
    const open = openEscalation(
      ticket,
      'recording the Cloud/On-Premise scenario',
      'the Cloud/On-Premise scenario is recorded on an escalation',
    );
    if (!open.ok) return open.refused;
    const { escalation } = open;
    // Unknown entitlement has not proven the add-on: flow.ts closes such a ticket, and so does this.
    if (args.scenario === 'on_premise' && ticket.entitlement?.onPremiseAddOn !== true) {
      const decision = decideFor(ticket, 'record_on_premise_without_add_on', context);
      if (!decision.ok) return refuseTransition(decision);
      if (args.explanation === undefined || args.replyId === undefined) {
        return refuse(
          'invalid_args',
          `${ticket.number} closes as not entitled, because its end customer has no On-Premise add-on on record: write the explanation for the customer and record the scenario again.`,
        );
      }
      const taken = refuseIfIdsTaken(ticket, [args.eventId, args.replyId]);
      if (taken) return taken;
      const label = CLOSURE_REASON_LABEL.on_premise_not_entitled;
      return applied(
        changed(
          ticket,
          context,
          {
            stage: decision.stage,
            status: decision.status,
            closure: closureNow('on_premise_not_entitled', args.explanation, context),
            escalation: escalationChanged(escalation, context, {
              scenario: 'on_premise',
              status: 'closed',
              closedAt: context.now,
            }),
          },
          [
            systemEvent(
              args.eventId,
              context,
              `${caseName(escalation)}: Microsoft found the On-Premise scenario and the end customer has no On-Premise add-on: closed as ${label}`,
            ),
            outboundReply(args.replyId, context, args.explanation),
          ],
        ),
      );
    }
    // Microsoft repeating its finding (or a replay after a rebase) changes nothing.
    if (escalation.scenario === args.scenario) return applied(ticket);
    const taken = refuseIfIdsTaken(ticket, [args.eventId]);
    if (taken) return taken;
    return applied(
      changed(ticket, context, { escalation: escalationChanged(escalation, context, { scenario: args.scenario }) }, [
        systemEvent(args.eventId, context, `${caseName(escalation)}: ${CONTINUES[args.scenario]}`),
      ]),
    );
  },
});
