/**
 * A change dialog that proposes a text (a customer-facing template, a reason) for the engineer to
 * edit before it is sent; nothing is sent until they confirm.
 */
import { Field, Text, Textarea } from '@fluentui/react-components';
import { type ReactElement, type ReactNode, useState } from 'react';
import { ChangeDialog, type ChangeDialogProps } from './ChangeDialog';
import type { Problem } from './problem';

export interface TextDialogProps {
  trigger: ReactElement;
  title: string;
  intro?: ReactNode;
  /** Extra fields above the text (e.g. a reason to choose). */
  children?: ReactNode;
  label: string;
  /** The proposed text; when it changes while the dialog is open (another reason chosen), the text follows. */
  proposal: string;
  confirmLabel: string;
  /** Sends the final text; resolves null once sent, or the problem that stopped it (the dialog stays open). */
  onConfirm: (text: string) => Promise<Problem | null>;
  step?: ChangeDialogProps['step'];
}

export function TextDialog({ intro, children, label, proposal, onConfirm, ...frame }: TextDialogProps) {
  const [text, setText] = useState('');
  const [proposed, setProposed] = useState(proposal);
  if (proposed !== proposal) {
    setProposed(proposal);
    setText(proposal);
  }
  return (
    <ChangeDialog
      {...frame}
      canConfirm={text.trim() !== ''}
      onOpen={() => setText(proposal)}
      onConfirm={() => onConfirm(text.trim())}
    >
      {intro !== undefined && <Text>{intro}</Text>}
      {children}
      <Field label={label} required>
        <Textarea value={text} rows={9} resize="vertical" onChange={(_, data) => setText(data.value)} />
      </Field>
    </ChangeDialog>
  );
}
