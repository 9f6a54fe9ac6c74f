/** The status bar: online or offline, changes waiting to be sent, a long download's progress, the last successful sync, the last error. */
import { Badge, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useShallow } from 'zustand/react/shallow';
import { useSyncStore } from '../../data/stores/sync-store';
import { NeedsAttention } from './NeedsAttention';
import { secondText } from '../../../shared/domain';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  progress: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  progressBar: { width: '160px' },
});

export function SyncStatusBar() {
  const styles = useStyles();
  const status = useSyncStore(useShallow((s) => s));
  return (
    <footer className={styles.bar} role="status" aria-label="Sync status">
      <Badge color={status.online ? 'success' : 'danger'} appearance="filled">
        {status.online ? 'Online' : 'Offline'}
      </Badge>
      <Text data-testid="pending-count">
        {status.pending === 0
          ? 'All changes sent'
          : `${status.pending} change${status.pending === 1 ? '' : 's'} waiting to be sent`}
      </Text>
      <NeedsAttention />
      {status.progress !== null && (
        <div className={styles.progress}>
          <ProgressBar
            className={styles.progressBar}
            value={status.progress.received / Math.max(1, status.progress.total)}
            aria-label="Tickets downloaded"
          />
          <Text>
            {status.progress.received.toLocaleString()} of {status.progress.total.toLocaleString()} tickets
          </Text>
        </div>
      )}
      <Text>
        {status.syncing
          ? 'Syncing…'
          : status.lastSyncAt === null
            ? 'Not synced yet'
            : `Last synced ${secondText(status.lastSyncAt)}`}
      </Text>
      {status.lastError !== null && <Text className={styles.error}>{status.lastError}</Text>}
    </footer>
  );
}
