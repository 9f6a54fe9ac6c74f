/** The queue beside the open ticket, split where the engineer last dragged it (remembered in the settings). */
import { makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { MAX_QUEUE_WIDTH_PERCENT, MIN_QUEUE_WIDTH_PERCENT } from '../../shared/bridge';
import { settingsActions, useSettingsStore } from '../data/stores/settings-store';

const useStyles = makeStyles({
  group: { flexGrow: 1, minHeight: 0 },
  // The panels are the grid items' parents: they hand their height down so each side scrolls on its own.
  panel: { display: 'grid', minWidth: 0, minHeight: 0 },
  handle: {
    width: '5px',
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralStroke2,
    outlineStyle: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': { backgroundColor: tokens.colorStrokeFocus2 },
    "&[data-separator='active']": { backgroundColor: tokens.colorBrandStroke1 },
  },
});

export function QueueTicketSplit({ queue, ticket }: { queue: ReactNode; ticket: ReactNode }) {
  const styles = useStyles();
  // Read once: the split then follows the pointer itself, and the setting only records where it ends.
  const [queuePercent] = useState(() => useSettingsStore.getState().settings.queueWidthPercent);
  return (
    <Group
      className={styles.group}
      orientation="horizontal"
      defaultLayout={{ queue: queuePercent, ticket: 100 - queuePercent }}
      onLayoutChanged={(layout, { isUserInteraction }) => {
        const width = layout.queue;
        // Mounting and window resizes lay the panels out too: only the engineer's own choice is remembered.
        if (!isUserInteraction || width === undefined) return;
        void settingsActions.update({ queueWidthPercent: Math.round(width * 10) / 10 });
      }}
    >
      <Panel
        id="queue"
        className={styles.panel}
        minSize={`${MIN_QUEUE_WIDTH_PERCENT}%`}
        maxSize={`${MAX_QUEUE_WIDTH_PERCENT}%`}
      >
        {queue}
      </Panel>
      <Separator className={styles.handle} aria-label="Resize the queue and the ticket (arrow keys)" />
      <Panel id="ticket" className={styles.panel}>
        {ticket}
      </Panel>
    </Group>
  );
}
