/**
 * "Needs attention": every change the server refused, with its reason and the user's words kept as
 * an editable draft, to send again or let go. Nothing the user wrote is ever dropped silently.
 */
import {
  Button,
  Caption1,
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
import { WarningRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { mutationLabel } from '../../../shared/mutations';
import { draftOf } from '../../data/draft';
import type { OutboxEntry } from '../../data/outbox-entry';
import { useAttentionStore } from '../../data/stores/attention-store';
import { useTicketNumber } from '../../data/stores/queue-store';
import { workspaceActions } from '../../data/workspace';
import { dateTimeText, instantsInText } from '../../../shared/domain';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxHeight: '60vh',
    overflowY: 'auto',
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

function RefusedChange({ entry }: { entry: OutboxEntry }) {
  const styles = useStyles();
  const number = useTicketNumber(entry.ticketId) ?? 'a ticket';
  const draft = draftOf(entry.mutation);
  const [text, setText] = useState(draft?.text ?? '');
  const [error, setError] = useState<string | null>(null);

  const retry = async () => {
    const args = draft === null ? entry.mutation.args : { ...(entry.mutation.args as object), [draft.field]: text };
    try {
      await workspaceActions.retryRefused(entry.seq, args);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <article className={styles.entry} aria-label={`Refused change on ${number}`}>
      <Text weight="semibold">
        {mutationLabel(entry.mutation.name)} on {number}
      </Text>
      <Caption1>Made {dateTimeText(entry.mutation.createdAt)}</Caption1>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{instantsInText(entry.refusal?.message ?? '')}</MessageBarBody>
      </MessageBar>
      {draft !== null && (
        <Field label="Your text (kept as a draft)">
          <Textarea value={text} rows={4} onChange={(_, data) => setText(data.value)} />
        </Field>
      )}
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button onClick={() => void workspaceActions.discardRefused(entry.seq)}>Discard</Button>
        <Button appearance="primary" onClick={() => void retry()}>
          Retry
        </Button>
      </div>
    </article>
  );
}

export function NeedsAttention() {
  const styles = useStyles();
  const refused = useAttentionStore((s) => s.refused);
  if (refused.length === 0) return null;
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<WarningRegular />}>
          {refused.length} need{refused.length === 1 ? 's' : ''} attention
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Needs attention</DialogTitle>
          <DialogContent className={styles.list}>
            <Text>The server refused these changes. Edit and retry them, or discard them.</Text>
            {refused.map((entry) => (
              <RefusedChange key={entry.seq} entry={entry} />
            ))}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
