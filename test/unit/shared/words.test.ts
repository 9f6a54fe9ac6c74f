// What a person reads when something is wrong: the schema's words, not its paths, and instants in their own format.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesInWords, safeParseInWords, wordedIssues } from '../../../shared/api/errors';
import { dateTimeText, instantsInText, timeText } from '../../../shared/domain';

const Contact = z.object({
  name: z.string().min(1, { message: 'give the name of the Microsoft engineer' }),
  email: z.email({ message: 'the e-mail address is not valid' }).nullable(),
  ticketId: z.string(),
});

describe('a schema failure in words', () => {
  it('keeps the words a schema gives its fields, each a sentence, with the path kept for the form', () => {
    const parsed = safeParseInWords(Contact, { name: '', email: 'nobody', ticketId: 'T-1' });
    expect(parsed.success).toBe(false);
    const issues = wordedIssues(parsed.error!);
    expect(issues).toEqual([
      { path: 'name', message: 'Give the name of the Microsoft engineer.' },
      { path: 'email', message: 'The e-mail address is not valid.' },
    ]);
    expect(issuesInWords(issues)).toBe('Give the name of the Microsoft engineer. The e-mail address is not valid.');
  });

  it("names the field where the schema has no words for it, so zod's own message can still be traced", () => {
    const parsed = safeParseInWords(Contact, { name: 'Alex', email: null }, 'contact');
    expect(issuesInWords(parsed.error!.issues)).toBe(
      'Contact.ticketId: Invalid input: expected string, received undefined.',
    );
  });
});

describe('instants for the reader', () => {
  const opened = '2099-01-01T10:00:00.000Z';

  it('writes each ISO instant of a sentence as the reader’s date and time, leaving the rest', () => {
    const text = instantsInText(
      `the case cannot be opened in the future (${opened} is after now, 2026-12-01T09:30:00Z).`,
    );
    expect(text).toBe(
      `the case cannot be opened in the future (${dateTimeText(opened)} is after now, ${dateTimeText('2026-12-01T09:30:00Z')}).`,
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('follows the reader’s locale and, where it matters, another zone', () => {
    expect(dateTimeText(opened)).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(opened)),
    );
    expect(timeText(opened, 'Asia/Kolkata')).toBe(
      new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'Asia/Kolkata' }).format(new Date(opened)),
    );
  });
});
