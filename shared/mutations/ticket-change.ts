/** What the ticket-flow mutations share: argument schemas, guards, timeline entries and stage changes through decide(). */
import { z } from 'zod';
import { decide, type FlowAction, type FlowDecision } from '../domain/flow';
import type { Actor } from '../domain/people';
import type { Closure, ClosureReason, Ticket, TimelineEntry } from '../domain/ticket';
import { refuse, type ApplyResult, type MutationContext } from './mutation';

/** A timeline entry id, chosen by the console so the optimistic entry and the server's are the same entry. */
export const EntryId = z.uuid({ message: 'must be an id (UUID) chosen by the console' });

/** Customer-facing text; 8,000 characters when it also becomes the closure's explanation. */
export const replyBody = (max = 20000) =>
  z
    .string()
    .trim()
    .min(1, { message: 'the reply to the customer is empty' })
    .max(max, { message: `the reply to the customer is longer than ${max.toLocaleString('en')} characters` });

export const applied = (ticket: Ticket): ApplyResult => ({ ok: true, ticket });

/** The actor as recorded on the ticket: the role is the team's business, not the timeline's. */
export const actorOf = ({ id, name }: MutationContext['actor']): Actor => ({ id, name });

/** Every change but reopening is refused on a closed ticket, so a closed record stays as the customer was told. */
export function refuseIfClosed(ticket: Ticket, doing: string): ApplyResult | null {
  if (ticket.stage !== 'closed') return null;
  return refuse('ticket_closed', `${ticket.number} is closed: reopen it before ${doing}.`);
}

/**
 * A reused id would make two entries one (the console and the server match entries by id), so every
 * id a change brings must be new on the ticket and distinct from its siblings.
 */
export function refuseIfIdsTaken(ticket: Ticket, ids: readonly string[]): ApplyResult | null {
  const onTicket = new Set(ticket.timeline.map((entry) => entry.id));
  const inChange = new Set<string>();
  for (const id of ids) {
    if (onTicket.has(id)) {
      return refuse(
        'invalid_args',
        `a timeline entry with id ${id} already exists on ${ticket.number}: this change was already applied, or it reuses an id; make the change again.`,
      );
    }
    if (inChange.has(id)) {
      return refuse(
        'invalid_args',
        `this change to ${ticket.number} uses the id ${id} for two timeline entries: make the change again.`,
      );
    }
    inChange.add(id);
  }
  return null;
}

/** The flow's answer for this ticket under the team's policy and the context's clock (the server's, once pushed). */
export function decideFor(
  ticket: Ticket,
  action: FlowAction,
  context: MutationContext,
  closureReason?: ClosureReason,
): FlowDecision {
  return decide(ticket, action, { policy: context.team.policy, now: new Date(context.now), closureReason });
}

export const refuseTransition = (decision: Extract<FlowDecision, { ok: false }>): ApplyResult =>
  refuse('illegal_transition', decision.reason);

const EVENT_TEXT_MAX = 2000;

/** Event texts quote free text (a reopen reason); the quote is shortened rather than the entry refused. */
const clipEvent = (text: string): string =>
  text.length <= EVENT_TEXT_MAX ? text : `${text.slice(0, EVENT_TEXT_MAX - 1)}…`;

export function systemEvent(id: string, context: MutationContext, text: string): TimelineEntry {
  return { id, at: context.now, kind: 'system_event', actor: actorOf(context.actor), text: clipEvent(text) };
}

export function outboundReply(id: string, context: MutationContext, body: string): TimelineEntry {
  return {
    id,
    at: context.now,
    kind: 'customer_reply',
    direction: 'outbound',
    author: { name: context.actor.name },
    body,
  };
}

/** The customer's own words, relayed by the engineer: authored by the requester, at the time recorded. */
export function inboundReply(id: string, context: MutationContext, ticket: Ticket, body: string): TimelineEntry {
  return {
    id,
    at: context.now,
    kind: 'customer_reply',
    direction: 'inbound',
    author: { name: ticket.requester.name },
    body,
  };
}

export function closureNow(reason: ClosureReason, explanation: string, context: MutationContext): Closure {
  return { reason, explanation, closedAt: context.now, closedBy: actorOf(context.actor) };
}

/** The ticket with `changes`, stamped now and with `entries` appended: never mutates the input. */
export function changed(
  ticket: Ticket,
  context: MutationContext,
  changes: Partial<Ticket>,
  entries: readonly TimelineEntry[],
): Ticket {
  return { ...ticket, ...changes, updatedAt: context.now, timeline: [...ticket.timeline, ...entries] };
}

/** "A", "A or B", "A, B or C". */
export function listWords(words: readonly string[], conjunction = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
