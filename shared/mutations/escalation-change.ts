/** What the Microsoft escalation mutations share: the open-case guard, the modified stamp, and the case's name. */
import { z } from 'zod';
import { STAGE_WHERE } from '../domain/flow';
import type { Escalation } from '../domain/escalation';
import type { Ticket } from '../domain/ticket';
import { refuse, type ApplyResult, type MutationContext } from './mutation';
import { refuseIfClosed } from './ticket-change';

export type OpenEscalation = { ok: true; escalation: Escalation } | { ok: false; refused: ApplyResult };

/**
 * The ticket's open Microsoft case, or the refusal saying why there is none. `rule` completes
 * "CSS-100042 is not escalated to Microsoft: …", e.g. "follow-ups are logged on an open escalation".
 */
export function openEscalation(ticket: Ticket, doing: string, rule: string): OpenEscalation {
  const closed = refuseIfClosed(ticket, doing);
  if (closed) return { ok: false, refused: closed };
  const { escalation } = ticket;
  if (ticket.stage === 'escalated' && escalation !== null && escalation.status !== 'closed') {
    return { ok: true, escalation };
  }
  if (ticket.stage === 'escalated') {
    // Only a record written outside the mutations gets here; the engineer cannot fix it from the console.
    return {
      ok: false,
      refused: refuse(
        'illegal_transition',
        `${ticket.number} is escalated to Microsoft but has no open Microsoft case on record: ${rule}. Ask a team lead to correct it.`,
      ),
    };
  }
  const hint = ticket.stage === 'investigation' ? ': escalate it to Microsoft first' : '';
  return {
    ok: false,
    refused: refuse(
      'illegal_transition',
      `${ticket.number} is not escalated to Microsoft: ${rule}. It is ${STAGE_WHERE[ticket.stage]}${hint}.`,
    ),
  };
}

/** The escalation with `changes`, stamped as modified now (Partner Center's lastModifiedDate). */
export function escalationChanged(
  escalation: Escalation,
  context: MutationContext,
  changes: Partial<Escalation>,
): Escalation {
  return { ...escalation, ...changes, lastModifiedAt: context.now };
}

export const caseName = (escalation: Pick<Escalation, 'caseNumber'>): string =>
  `Microsoft case ${escalation.caseNumber}`;

/** An instant argument with a message an engineer can act on (Instant's own message is zod's). */
export const instantArg = (what: string) =>
  z.iso.datetime({ offset: false, message: `${what} must be a UTC time such as 2025-03-10T09:00:00Z` });
