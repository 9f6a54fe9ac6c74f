/**
 * A dialog that proposes a text (a customer-facing template, a reason) for the engineer to edit
 * before it is sent; nothing is sent until they confirm.
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
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type ReactElement, type ReactNode, useState } from 'react';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface TextDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  intro?: ReactNode;
  /** Extra fields above the text (e.g. a reason to choose). */
  children?: ReactNode;
  label: string;
  /** The proposed text; when it changes while the dialog is open (another reason chosen), the text follows. */
  proposal: string;
  confirmLabel: string;
  /** Sends the final text; resolves false when the change was refused (the dialog stays open). */
  onConfirm: (text: string) => Promise<boolean>;
  error: string | null;
}

export function TextDialog({
  trigger,
  title,
  intro,
  children,
  label,
  proposal,
  confirmLabel,
  onConfirm,
  error,
}: TextDialogProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [proposed, setProposed] = useState(proposal);
  if (proposed !== proposal) {
    setProposed(proposal);
    setText(proposal);
  }

  const confirm = async () => {
    setSending(true);
    const done = await onConfirm(text.trim());
    setSending(false);
    if (done) setOpen(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (data.open) setText(proposal);
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {intro !== undefined && <Text>{intro}</Text>}
            {children}
            <Field label={label} required>
              <Textarea value={text} rows={9} resize="vertical" onChange={(_, data) => setText(data.value)} />
            </Field>
            {error !== null && open && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={sending || text.trim() === ''} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
