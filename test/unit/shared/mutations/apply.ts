// Test helpers for mutations: apply to a deep-frozen ticket, then assert the result is a valid ticket or a readable refusal.
import { expect } from 'vitest';
import { Ticket } from '../../../../shared/domain';
import type { ApplyResult, MutationContext, MutationDefinition, RefusalCode } from '../../../../shared/mutations';
import { TICKET_NUMBER, makeContext } from '../../../fixtures/tickets';

/** Freezes every nested object, so any write inside apply throws (modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}

/** Applies to a frozen copy of `ticket` and checks the input came out exactly as it went in. */
export function applyTo<Args extends { ticketId: string }>(
  definition: MutationDefinition<string, Args>,
  ticket: Ticket,
  args: Args,
  context: MutationContext = makeContext(),
): ApplyResult {
  const input = deepFreeze(structuredClone(ticket));
  const before = structuredClone(input);
  const result = definition.apply(input, args, context);
  expect(input).toEqual(before);
  return result;
}

/** The changed ticket, asserted to be accepted and to parse with the Ticket schema. */
export function expectApplied(result: ApplyResult): Ticket {
  if (!result.ok) expect.fail(`expected the change to apply, but it was refused: ${result.refusal.message}`);
  const parsed = Ticket.safeParse(result.ticket);
  if (!parsed.success) expect.fail(`the resulting ticket does not parse: ${parsed.error.message}`);
  return result.ticket;
}

/** The refusal's message, asserted to carry `code` and to read as a sentence naming the ticket. */
export function expectRefused(result: ApplyResult, code: RefusalCode): string {
  if (result.ok) expect.fail(`expected a refusal (${code}), but the change applied`);
  expect(result.refusal.code).toBe(code);
  const { message } = result.refusal;
  expect(message).toContain(TICKET_NUMBER);
  expect(message).toMatch(/[.!]$/);
  expect(message).not.toMatch(/undefined|null|NaN|\[object/);
  return message;
}
