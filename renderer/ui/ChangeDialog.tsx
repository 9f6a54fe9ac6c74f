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
}: ChangeDialogProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);

  const confirm = async () => {
    setSending(true);
    const done = await onConfirm();
    setSending(false);
    if (done) setOpen(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (data.open) onOpen?.();
        setOpen(data.open);
      }}
    >
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
            <Button appearance="primary" disabled={sending || !canConfirm} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
