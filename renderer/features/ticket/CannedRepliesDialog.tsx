/** The engineer's small library of canned replies: add, edit, remove; saved in the settings. */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CannedReply } from '../../../shared/bridge';
import { REPLY_PLACEHOLDERS } from '../../../shared/domain';
import { settingsActions, useSettingsStore } from '../../data/stores/settings-store';

const useStyles = makeStyles({
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxHeight: '60vh',
    overflowY: 'auto',
  },
  reply: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  title: { flexGrow: 1 },
});

/** Mounted when opened, so it always starts from the saved library. */
export function CannedRepliesDialog({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const saved = useSettingsStore((s) => s.settings.cannedReplies);
  const [drafts, setDrafts] = useState<CannedReply[]>(saved);
  const [error, setError] = useState<string | null>(null);

  const edit = (index: number, patch: Partial<CannedReply>) =>
    setDrafts((current) => current.map((reply, i) => (i === index ? { ...reply, ...patch } : reply)));

  const save = async () => {
    const refused = await settingsActions.update({ cannedReplies: drafts });
    setError(refused);
    if (refused === null) onClose();
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Canned replies</DialogTitle>
          <DialogContent className={styles.content}>
            <Caption1>
              Placeholders are filled in when a reply is inserted:{' '}
              {Object.entries(REPLY_PLACEHOLDERS)
                .map(([key, meaning]) => `${key} ${meaning}`)
                .join(', ')}
              .
            </Caption1>
            {drafts.map((reply, index) => (
              <div key={reply.id} className={styles.reply}>
                <div className={styles.row}>
                  <Field label="Title" className={styles.title}>
                    <Input value={reply.title} onChange={(_, data) => edit(index, { title: data.value })} />
                  </Field>
                  <Button
                    aria-label={`Remove ${reply.title}`}
                    icon={<DeleteRegular />}
                    onClick={() => setDrafts((current) => current.filter((_, i) => i !== index))}
                  />
                </div>
                <Field label="Text">
                  <Textarea value={reply.body} rows={3} onChange={(_, data) => edit(index, { body: data.value })} />
                </Field>
              </div>
            ))}
            <Button
              icon={<AddRegular />}
              onClick={() =>
                setDrafts((current) => [...current, { id: crypto.randomUUID(), title: 'New reply', body: '' }])
              }
            >
              Add a reply
            </Button>
            {error !== null && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={() => void save()}>
              Save
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
