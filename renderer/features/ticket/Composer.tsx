/** Writing on the timeline: an internal note for the team, or a reply to the customer (with canned replies). */
import {
  Button,
  Caption1,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tab,
  TabList,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useRef, useState } from 'react';
import { fillPlaceholders, type Ticket } from '../../../shared/domain';
import { useSessionStore } from '../../data/stores/session-store';
import { useSettingsStore } from '../../data/stores/settings-store';
import { CannedRepliesDialog } from './CannedRepliesDialog';
import { addressOf } from './Timeline';
import type { ChangeRunner } from '../../ui/use-change';
import { useStepRequest } from '../../ui/use-step-request';

// Compact, as it is docked under the timeline: the kind, the canned replies and the send button share one row.
const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginLeft: 'auto' },
  box: { maxHeight: '40vh' },
});

type Kind = 'note' | 'reply';

export function Composer({ ticket, change }: { ticket: Ticket; change: ChangeRunner }) {
  const styles = useStyles();
  const ticketId = ticket.id;
  const engineerName = useSessionStore((s) => s.session?.user.name ?? '');
  const cannedReplies = useSettingsStore((s) => s.settings.cannedReplies);
  const [kind, setKind] = useState<Kind>('note');
  const [body, setBody] = useState('');
  const [managing, setManaging] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const write = (next: Kind) => {
    setKind(next);
    box.current?.focus();
  };
  useStepRequest('note', () => write('note'));
  useStepRequest('reply', () => write('reply'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = crypto.randomUUID();
    const text = body.trim();
    const done =
      kind === 'note'
        ? await change.run('addNote', { ticketId, noteId: id, body: text })
        : await change.run('addReply', { ticketId, replyId: id, body: text });
    if (done) setBody('');
  };

  const label = kind === 'note' ? 'Internal note (visible to the support team only)' : 'Reply to the customer';
  const insert = (text: string) =>
    setBody((current) => (current.trim() === '' ? text : `${current.trimEnd()}\n\n${text}`));

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label="Write on the timeline">
      <div className={styles.bar}>
        <TabList selectedValue={kind} onTabSelect={(_, data) => setKind(data.value as Kind)} size="small">
          <Tab value="note">Internal note</Tab>
          <Tab value="reply">Reply to the customer</Tab>
        </TabList>
        <div className={styles.actions}>
          {kind === 'reply' && (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button>Insert canned reply</Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {cannedReplies.map((reply) => (
                    <MenuItem key={reply.id} onClick={() => insert(fillPlaceholders(reply.body, ticket, engineerName))}>
                      {reply.title}
                    </MenuItem>
                  ))}
                  <MenuDivider />
                  <MenuItem onClick={() => setManaging(true)}>Manage canned replies…</MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
          )}
          <Button appearance="primary" type="submit" disabled={change.busy || body.trim() === ''}>
            {kind === 'note' ? 'Add note' : 'Send reply'}
          </Button>
        </div>
      </div>
      {kind === 'reply' && <Caption1>To {addressOf(ticket.requester)}</Caption1>}
      <Textarea
        ref={box}
        className={styles.box}
        aria-label={label}
        placeholder={`${label} · Ctrl+Enter ${kind === 'note' ? 'adds it' : 'sends it'}`}
        value={body}
        resize="vertical"
        rows={2}
        onChange={(_, data) => setBody(data.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
        }}
      />
      {managing && <CannedRepliesDialog onClose={() => setManaging(false)} />}
    </form>
  );
}
