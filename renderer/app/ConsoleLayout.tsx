/** The signed-in console: header with the user and sync actions, the queue beside the open ticket, the status bar. */
import { Badge, Button, Text, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, SignOutRegular } from '@fluentui/react-icons';
import { QueueView } from '../features/queue/QueueView';
import { SyncStatusBar } from '../features/status/SyncStatusBar';
import { TicketPane } from '../features/ticket/TicketPane';
import { useSessionStore } from '../data/stores/session-store';
import { useSyncStore } from '../data/stores/sync-store';
import { workspaceActions } from '../data/workspace';

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateRows: 'auto 1fr auto', height: '100%' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  split: { display: 'grid', gridTemplateColumns: 'minmax(420px, 3fr) minmax(380px, 2fr)', minHeight: 0 },
});

export function ConsoleLayout() {
  const styles = useStyles();
  const user = useSessionStore((s) => s.session?.user);
  const syncing = useSyncStore((s) => s.syncing);
  if (user === undefined) return null;
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Text className={styles.brand}>CSS Engineer Console</Text>
        <Text>
          {user.name} · {user.teamName}
        </Text>
        <Badge appearance="tint" color={user.role === 'lead' ? 'important' : 'brand'}>
          {user.role === 'lead' ? 'Team lead' : 'Engineer'}
        </Badge>
        <Toolbar aria-label="Session">
          <Button icon={<ArrowSyncRegular />} disabled={syncing} onClick={() => void workspaceActions.syncNow()}>
            Sync now
          </Button>
          <Button icon={<SignOutRegular />} onClick={() => workspaceActions.signOut()}>
            Sign out
          </Button>
        </Toolbar>
      </header>
      <div className={styles.split}>
        <QueueView />
        <TicketPane />
      </div>
      <SyncStatusBar />
    </div>
  );
}
