/**
 * The frame every change dialog shares: a trigger, a form, the refusal in words when the rules say
 * no, Cancel and a confirm button. The dialog closes only once the change is made.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type ReactElement, type ReactNode, useMemo, useState } from 'react';
import { issuesInWords } from '../../shared/api/errors';
import type { TicketStep } from '../data/ticket-steps';
import { DialogIssuesContext } from './DialogField';
import type { Problem } from './problem';
import { useReturnFocus } from './use-return-focus';
import { useStepRequest } from './use-step-request';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The problem in words, less what the fields already show beside themselves. */
function summary(problem: Problem, shown: ReadonlySet<string>): string {
  if (problem.issues.length === 0) return problem.message;
  const elsewhere = problem.issues.filter((issue) => !shown.has(issue.path));
  return elsewhere.length === 0 ? 'Correct the fields marked above, then try again.' : issuesInWords(elsewhere);
}

export interface ChangeDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  canConfirm: boolean;
  /** Called as the dialog opens: start from a fresh draft. */
  onOpen?: () => void;
  /** Makes the change: resolves null once it is made (the dialog closes), or the problem that stopped it. */
  onConfirm: () => Promise<Problem | null>;
  /** What is wrong with the form as it is filled in now, shown as a refusal would be. */
  invalid?: Problem | null;
  /** The ticket step this dialog is, when the command palette or a shortcut can open it. */
  step?: TicketStep;
}

export function ChangeDialog({
  trigger,
  title,
  children,
  confirmLabel,
  canConfirm,
  onOpen,
  onConfirm,
  invalid = null,
  step,
}: ChangeDialogProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  // The problem belongs to this dialog: it is never shown on the ticket behind it, nor in another dialog.
  const [refused, setRefused] = useState<Problem | null>(null);
  const [shown] = useState(() => new Set<string>());
  const problem = refused ?? invalid;
  const issues = useMemo(() => ({ issues: problem?.issues ?? [], shown }), [problem, shown]);
  useReturnFocus(open);
  const show = () => {
    onOpen?.();
    setRefused(null);
    setOpen(true);
  };
  useStepRequest(step ?? null, show);

  const confirm = async () => {
    setSending(true);
    const outcome = await onConfirm();
    setSending(false);
    setRefused(outcome);
    if (outcome === null) setOpen(false);
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? show() : setOpen(false))}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <DialogIssuesContext value={issues}>{children}</DialogIssuesContext>
            {problem !== null && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{summary(problem, shown)}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            {/* Focusable while disabled: the focus stays in the dialog while it sends and after a refusal,
                so Escape still closes it and Tab still moves inside it. */}
            <Button appearance="primary" disabledFocusable={sending || !canConfirm} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
