/** The registry of named mutations, and how an incoming mutation is checked against it. */
import { z } from 'zod';
import type { Ticket } from '../domain/ticket';
import { addNote } from './add-note';
import { addReply } from './add-reply';
import { assignTicket } from './assign-ticket';
import { closeWithoutConfirmation } from './close-without-confirmation';
import { escalateToMicrosoft } from './escalate-to-microsoft';
import { failValidation } from './fail-validation';
import { logFollowUp } from './log-follow-up';
import { microsoftResolved } from './microsoft-resolved';
import { type ApplyResult, type MutationContext, type MutationDefinition, refuse } from './mutation';
import { passValidation } from './pass-validation';
import { recordCustomerAnswer } from './record-customer-answer';
import { recordScenario } from './record-scenario';
import { reopenTicket } from './reopen-ticket';
import { requestConfirmation } from './request-confirmation';
import { runValidation } from './run-validation';
import { sendReminder } from './send-reminder';
import { setEscalationStatus } from './set-escalation-status';
import { setStatus } from './set-status';
import { updateDetails } from './update-details';
import { proposeSession } from './propose-session';
import { confirmSession } from './confirm-session';
import { rescheduleSession } from './reschedule-session';
import { cancelSession } from './cancel-session';
import { completeSession } from './complete-session';
import { markSessionNoShow } from './mark-session-no-show';
import { failureInWords, safeParseInWords } from '../api/errors';

export * from './mutation';
export { addNote, AddNoteArgs } from './add-note';
export { addReply, AddReplyArgs } from './add-reply';
export { assignTicket, AssignTicketArgs } from './assign-ticket';
export { closeWithoutConfirmation, CloseWithoutConfirmationArgs } from './close-without-confirmation';
export { failValidation, FailValidationArgs } from './fail-validation';
export { passValidation, PassValidationArgs } from './pass-validation';
export { recordCustomerAnswer, RecordCustomerAnswerArgs, CustomerAnswer } from './record-customer-answer';
export { reopenTicket, ReopenTicketArgs } from './reopen-ticket';
export { requestConfirmation, RequestConfirmationArgs } from './request-confirmation';
export { runValidation, RunValidationArgs } from './run-validation';
export { sendReminder, SendReminderArgs } from './send-reminder';
export { setStatus, SetStatusArgs } from './set-status';
export { updateDetails, UpdateDetailsArgs } from './update-details';
export { escalateToMicrosoft, EscalateToMicrosoftArgs } from './escalate-to-microsoft';
export { logFollowUp, LogFollowUpArgs } from './log-follow-up';
export { setEscalationStatus, SetEscalationStatusArgs } from './set-escalation-status';
export { recordScenario, RecordScenarioArgs } from './record-scenario';
export { microsoftResolved, MicrosoftResolvedArgs } from './microsoft-resolved';
export { proposeSession, ProposeSessionArgs } from './propose-session';
export { confirmSession, ConfirmSessionArgs } from './confirm-session';
export { rescheduleSession, RescheduleSessionArgs } from './reschedule-session';
export { cancelSession, CancelSessionArgs } from './cancel-session';
export { completeSession, CompleteSessionArgs } from './complete-session';
export { markSessionNoShow, MarkSessionNoShowArgs } from './mark-session-no-show';
export { customerPicksSlot, customerAsksOtherTimes, type CustomerEntryIds } from './customer-session';
export { overlapRefusal, schedulingLink } from './session-change';

export const mutations = {
  addNote,
  runValidation,
  passValidation,
  failValidation,
  updateDetails,
  assignTicket,
  setStatus,
  addReply,
  requestConfirmation,
  sendReminder,
  recordCustomerAnswer,
  closeWithoutConfirmation,
  reopenTicket,
  escalateToMicrosoft,
  logFollowUp,
  setEscalationStatus,
  recordScenario,
  microsoftResolved,
  proposeSession,
  confirmSession,
  rescheduleSession,
  cancelSession,
  completeSession,
  markSessionNoShow,
} as const;
export type MutationName = keyof typeof mutations;
export const MutationName = z.enum(Object.keys(mutations) as [MutationName, ...MutationName[]]);

export type MutationArgs<N extends MutationName> = z.infer<(typeof mutations)[N]['args']>;

/** A mutation as queued in the outbox and pushed to the server. */
export const Mutation = z.object({
  id: z.uuid().meta({
    description: 'Chosen by the console: the idempotency key of this one change (its name, args and createdAt)',
  }),
  name: z.string().min(1).max(64).meta({ description: 'Which change: one of the mutation names the server knows' }),
  args: z.unknown().meta({
    description:
      "The change's arguments, as the schema of its name requires (`<Name>Args` in the OpenAPI document); " +
      'arguments that do not fit refuse the mutation (`invalid_args`), not the batch',
  }),
  createdAt: z.iso
    .datetime({ offset: false })
    .meta({ description: "When the user made the change, by the console's clock: informative only" }),
});
export type Mutation = z.infer<typeof Mutation>;

/** Built once, as a zod schema costs more to build than to run: targetTicketId runs for every pushed change. */
const NamesTicket = z.object({ ticketId: z.string() });

/** The ticket a mutation targets, or null when its arguments do not name one. */
export function targetTicketId(mutation: Mutation): string | null {
  const parsed = NamesTicket.safeParse(mutation.args);
  return parsed.success ? parsed.data.ticketId : null;
}

/** Parses the mutation's name and arguments and applies it; any failure is a refusal, never a throw. */
export function applyMutation(ticket: Ticket, mutation: Mutation, context: MutationContext): ApplyResult {
  const name = MutationName.safeParse(mutation.name);
  if (!name.success) return refuse('unknown_mutation', `"${mutation.name}" is not a change this server knows.`);
  // Each definition parses its own arguments, so erasing the name-to-args link here is safe.
  const definition: MutationDefinition<MutationName, { ticketId: string }> = mutations[name.data];
  const args = safeParseInWords(definition.args, mutation.args);
  if (!args.success) return { ok: false, refusal: { code: 'invalid_args', ...failureInWords(args.error) } };
  if (args.data.ticketId !== ticket.id) return refuse('invalid_args', 'the change names another ticket.');
  return definition.apply(ticket, args.data, context);
}
export { MUTATION_LABEL, mutationLabel } from './labels';
