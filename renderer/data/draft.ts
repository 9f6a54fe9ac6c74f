/** Which argument of a change holds the words the user wrote, so a refused change can be edited and sent again. */
import type { Mutation } from '../../shared/mutations';

const TEXT_ARGUMENTS = ['body', 'explanation', 'closingReply', 'message', 'reason', 'summary'] as const;

export interface Draft {
  field: (typeof TEXT_ARGUMENTS)[number];
  text: string;
}

export function draftOf(mutation: Mutation): Draft | null {
  const args = mutation.args as Record<string, unknown>;
  for (const field of TEXT_ARGUMENTS) {
    const value = args[field];
    if (typeof value === 'string') return { field, text: value };
  }
  return null;
}
