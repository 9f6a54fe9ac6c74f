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
import { type ReactElement, type ReactNode, useState } from 'react';
import type { TicketStep } from '../data/ticket-steps';
import { useReturnFocus } from './use-return-focus';
import { useStepRequest } from './use-step-request';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface ChangeDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  children: ReactNode;
  /** Why the last attempt was refused, in words. */
  error: string | null;
  confirmLabel: string;
  canConfirm: boolean;
  /** Called as the dialog opens: start from a fresh draft. */
  onOpen?: () => void;
  /** Makes the change; resolves true when it was made (the dialog closes), false when refused. */
  onConfirm: () => Promise<boolean>;
  /** The ticket step this dialog is, when the command palette or a shortcut can open it. */
  step?: TicketStep;
}

export function ChangeDialog({
  trigger,
  title,
  children,
  error,
  confirmLabel,
  canConfirm,
  onOpen,
  onConfirm,
  step,
}: ChangeDialogProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  useReturnFocus(open);
  const show = () => {
    onOpen?.();
    setOpen(true);
  };
  useStepRequest(step ?? null, show);

  const confirm = async () => {
    setSending(true);
    const done = await onConfirm();
    setSending(false);
    if (done) setOpen(false);
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? show() : setOpen(false))}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {children}
            {error !== null && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
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
