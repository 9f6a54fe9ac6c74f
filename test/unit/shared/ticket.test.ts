// The ticket's schema: what a ticket number may look like.
import { describe, expect, it } from 'vitest';
import { TicketNumber } from '../../../shared/domain/ticket';

describe('TicketNumber', () => {
  it('takes CSS- and six digits or more, so numbering goes on past CSS-999999', () => {
    for (const number of ['CSS-100001', 'CSS-999999', 'CSS-1000000', 'CSS-12345678901']) {
      expect(TicketNumber.safeParse(number).success).toBe(true);
    }
  });

  it.each(['CSS-12345', 'CSS-1000000a', 'css-100001', 'CSS-', 'TICKET-100001'])('refuses %s', (number) => {
    expect(TicketNumber.safeParse(number).error?.issues[0]?.message).toBe('a ticket number looks like CSS-104233');
  });
});
