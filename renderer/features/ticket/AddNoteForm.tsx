/** Writing an internal note: saved locally at once, sent when the server can be reached. */
import { Button, Field, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { workspaceActions } from '../../data/workspace';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

export function AddNoteForm({ ticketId }: { ticketId: string }) {
  const styles = useStyles();
  const [body, setBody] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await workspaceActions.addNote(ticketId, body);
      setBody('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label="Add an internal note">
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Internal note (visible to the support team only)">
        <Textarea
          value={body}
          resize="vertical"
          rows={3}
          onChange={(_, data) => setBody(data.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving || body.trim() === ''}>
          Add note
        </Button>
      </div>
    </form>
  );
}
