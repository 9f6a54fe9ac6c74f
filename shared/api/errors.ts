/** The error body every refused request carries, and how a schema failure becomes one. */
import { z } from 'zod';

export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorCode = z.enum([
  'malformed_json',
  'invalid_request',
  'bad_credentials',
  'unauthenticated',
  'forbidden',
  'bad_cursor',
  'not_found',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: ErrorCode,
  message: z.string(),
  /** Field-level messages when the request failed its schema. */
  issues: z.array(FieldIssue).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Every failing field with its path ("requester.email"), or "(body)" for the value itself. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
}

/** One line naming each failing field, for logs and refusal messages. */
export function describeZodError(error: z.ZodError): string {
  return fieldIssues(error)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
}

const english = z.locales.en();

/**
 * Parses `value`, keeping the words each schema gives its fields ("give the product the case is
 * about"); only where a schema has none does zod's own message appear, after the path of the field
 * it is about ("subject.ticketId: Invalid UUID"), so even that one can be traced.
 */
export function safeParseInWords<T>(schema: z.ZodType<T>, value: unknown, subject?: string): z.ZodSafeParseResult<T> {
  return schema.safeParse(value, {
    error: (issue) => {
      const path = [...(subject === undefined ? [] : [subject]), ...(issue.path ?? []).map(String)];
      const message = english.localeError(issue);
      const text = typeof message === 'string' ? message : (message?.message ?? 'Invalid value');
      return path.length === 0 ? text : `${path.join('.')}: ${text}`;
    },
  });
}

/** An issue's message as a sentence: capitalised, with its full stop. */
const sentence = (message: string): string => {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.?!]$/.test(text) ? text : `${text}.`;
};

/** What failed, as sentences for a person (from an error parsed by safeParseInWords). */
export function issuesInWords(issues: readonly Pick<FieldIssue, 'message'>[]): string {
  return issues.map((issue) => sentence(issue.message)).join(' ');
}

/** Every failing field with its path and its message as a sentence: for a form to show beside its fields. */
export const wordedIssues = (error: z.ZodError): FieldIssue[] =>
  fieldIssues(error).map((issue) => ({ path: issue.path, message: sentence(issue.message) }));

/** The failure as a person reads it: the whole in sentences, and each failing field with its own. */
export function failureInWords(error: z.ZodError): { message: string; issues: FieldIssue[] } {
  const issues = wordedIssues(error);
  return { message: issuesInWords(issues), issues };
}
