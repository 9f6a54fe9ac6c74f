/**
 * A field of a change dialog that shows, beside itself, what the rules said is wrong with it: the
 * dialog's refusal names the argument at fault by its path, and the field with that path shows it.
 */
import { Field, type FieldProps } from '@fluentui/react-components';
import { createContext, useContext, useLayoutEffect } from 'react';
import type { FieldIssue } from '../../shared/api/errors';

export interface DialogIssues {
  issues: readonly FieldIssue[];
  /** The paths a field of the dialog shows; the dialog says the rest above its buttons. */
  shown: Set<string>;
}

export const DialogIssuesContext = createContext<DialogIssues | null>(null);

export function DialogField({ path, ...field }: FieldProps & { path: string }) {
  const context = useContext(DialogIssuesContext);
  useLayoutEffect(() => {
    if (context === null) return;
    context.shown.add(path);
    return () => void context.shown.delete(path);
  }, [context, path]);
  const message = context?.issues
    .filter((issue) => issue.path === path)
    .map((issue) => issue.message)
    .join(' ');
  return message === undefined || message === '' ? (
    <Field {...field} />
  ) : (
    <Field {...field} validationState="error" validationMessage={message} />
  );
}
