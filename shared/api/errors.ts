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
