/** What went wrong with a change, in words, and which of its fields it is about: what a form shows. */
import type { FieldIssue } from '../../shared/api/errors';
import { instantsInText } from '../../shared/domain';
import { RefusedChange } from '../data/local-errors';

export interface Problem {
  /** The whole of it, as sentences, with any instant written in the user's own format and zone. */
  message: string;
  /** The fields at fault, by the path of their argument ("microsoftContact.name"), each with its own words. */
  issues: readonly FieldIssue[];
}

/** The problem a failed change (a refusal by the rules, a local store that cannot write) is. */
export function problemOf(failure: unknown): Problem {
  const message = failure instanceof Error ? failure.message : String(failure);
  const issues = failure instanceof RefusedChange ? (failure.refusal.issues ?? []) : [];
  return {
    message: instantsInText(message),
    issues: issues.map((issue) => ({ path: issue.path, message: instantsInText(issue.message) })),
  };
}
