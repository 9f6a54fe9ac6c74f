/**
 * The signed-in console: header with the views, the next remote session, the user and sync actions; the
 * queue beside the open ticket, the agenda or the lead's escalations; the status bar.
 */
import {
  Badge,
  Button,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  Toolbar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, SettingsRegular, SignOutRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Theme } from '../../shared/bridge';
import { CannedRepliesDialog } from '../features/ticket/CannedRepliesDialog';
// The agenda is small and must open offline, so it is in the first bundle rather than loaded later.
import { AgendaView } from '../features/sessions/AgendaView';
import { NextSession } from '../features/sessions/NextSession';
import { useNarrowWindow } from '../ui/use-narrow-window';
import { settingsActions, useSettingsStore } from '../data/stores/settings-store';
import { QueueView } from '../features/queue/QueueView';
import { SyncStatusBar } from '../features/status/SyncStatusBar';
import { useSessionStore } from '../data/stores/session-store';
import { useQueueStore } from '../data/stores/queue-store';
import { type ConsoleView, uiActions, useUiStore } from '../data/stores/ui-store';
import { workspaceActions } from '../data/workspace';
import { CommandPalette } from './CommandPalette';
import { KeyboardMap } from './KeyboardMap';
import { QueueTicketSplit } from './QueueTicketSplit';
import { ViewBoundary } from './ViewBoundary';
import { useDesktopPresence } from './use-desktop-presence';
import { useKeyboardShortcuts } from './use-keyboard';

// The ticket pane loads after the queue: start-up shows the queue first.
const TicketWorkspace = lazy(() =>
  import('./TicketWorkspace').then(({ TicketWorkspace }) => ({ default: TicketWorkspace })),
);
// Opened now and then, so it is loaded when first used.
const TriageView = lazy(() =>
  import('../features/ticket/TriageView').then(({ TriageView }) => ({ default: TriageView })),
);
// Only leads open it: engineers never download recharts and the lead view.
const LeadView = lazy(() => import('../features/lead/LeadView').then(({ LeadView }) => ({ default: LeadView })));

/** The open ticket's pane: a ticket it fails to draw says so, and the next one opened is drawn afresh. */
function TicketPane() {
  const ticketId = useQueueStore((s) => s.selectedId);
  return (
    <ViewBoundary what={ticketId === null ? 'The ticket pane' : 'This ticket'} showing={ticketId}>
      <Suspense fallback={<Spinner label="Opening the ticket pane…" />}>
        <TicketWorkspace />
      </Suspense>
    </ViewBoundary>
  );
}

const REMINDER_CHOICES = [0, 5, 10, 15, 30, 60] as const;

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', height: '100%' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  // The name gives way first when a lead's view tabs make the header crowded.
  user: { marginLeft: 'auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  fixed: { flexShrink: 0 },
});

export function ConsoleLayout() {
  const styles = useStyles();
  const user = useSessionStore((s) => s.session?.user);
  const notice = useSessionStore((s) => s.notice);
  const theme = useSettingsStore((s) => s.settings.theme);
  const reminderMinutes = useSettingsStore((s) => s.settings.sessionReminderMinutes);
  const [managingReplies, setManagingReplies] = useState(false);
  const view = useUiStore((s) => s.view);
  // On a narrow window the header's buttons keep their icons (and their names, for screen readers and on hover).
  const narrow = useNarrowWindow();
  useDesktopPresence();
  useKeyboardShortcuts();
  useEffect(() => workspaceActions.firstScreenDrawn(), []);
  const iconOnly = (name: string) => (narrow ? { 'aria-label': name, title: name } : { children: name });
  if (user === undefined) return null;
  const lead = user.role === 'lead';
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Text className={styles.brand}>CSS Engineer Console</Text>
        <TabList
          className={styles.fixed}
          size="small"
          aria-label="Console views"
          selectedValue={view}
          onTabSelect={(_, data) => uiActions.showView(data.value as ConsoleView)}
        >
          <Tab value="queue">Ticket queue</Tab>
          <Tab value="triage">Triage</Tab>
          <Tab value="agenda">Agenda</Tab>
          {lead && <Tab value="escalations">Escalations</Tab>}
        </TabList>
        <NextSession className={styles.fixed} />
        <Text className={styles.user}>
          {user.name} · {user.teamName}
        </Text>
        <Badge className={styles.fixed} appearance="tint" color={user.role === 'lead' ? 'important' : 'brand'}>
          {user.role === 'lead' ? 'Team lead' : 'Engineer'}
        </Badge>
        <Toolbar className={styles.fixed} aria-label="Session">
          <Button
            icon={<ArrowSyncRegular />}
            {...iconOnly('Sync now')}
            onClick={() => void workspaceActions.syncNow()}
          />
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button icon={<SettingsRegular />} {...iconOnly('Settings')} />
            </MenuTrigger>
            <MenuPopover>
              <MenuList
                checkedValues={{ theme: [theme], reminder: [String(reminderMinutes)] }}
                onCheckedValueChange={(_, data) =>
                  void settingsActions.update(
                    data.name === 'reminder'
                      ? { sessionReminderMinutes: Number(data.checkedItems[0]) }
                      : { theme: data.checkedItems[0] as Theme },
                  )
                }
              >
                <MenuGroup>
                  <MenuGroupHeader>Theme</MenuGroupHeader>
                  <MenuItemRadio name="theme" value="system">
                    Same as the system
                  </MenuItemRadio>
                  <MenuItemRadio name="theme" value="light">
                    Light
                  </MenuItemRadio>
                  <MenuItemRadio name="theme" value="dark">
                    Dark
                  </MenuItemRadio>
                </MenuGroup>
                <MenuDivider />
                <MenuGroup>
                  <MenuGroupHeader>Reminder before a remote session</MenuGroupHeader>
                  {REMINDER_CHOICES.map((minutes) => (
                    <MenuItemRadio key={minutes} name="reminder" value={String(minutes)}>
                      {minutes === 0 ? 'No reminder' : `${minutes} minutes before`}
                    </MenuItemRadio>
                  ))}
                </MenuGroup>
                <MenuDivider />
                <MenuItem onClick={() => setManagingReplies(true)}>Canned replies…</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
          <Button icon={<SignOutRegular />} {...iconOnly('Sign out')} onClick={() => workspaceActions.signOut()} />
        </Toolbar>
      </header>
      {notice !== null && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={() => workspaceActions.dismissNotice()}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {lead && view === 'escalations' ? (
        <ViewBoundary key="escalations" what="The escalations view">
          <Suspense fallback={<Spinner label="Opening the escalations…" />}>
            <LeadView />
          </Suspense>
        </ViewBoundary>
      ) : view === 'agenda' ? (
        <ViewBoundary key="agenda" what="The agenda">
          <AgendaView />
        </ViewBoundary>
      ) : view === 'triage' ? (
        <ViewBoundary key="triage" what="Triage">
          <Suspense fallback={<Spinner label="Opening triage…" />}>
            <TriageView onDone={() => uiActions.showView('queue')} />
          </Suspense>
        </ViewBoundary>
      ) : (
        <QueueTicketSplit
          queue={
            <ViewBoundary what="The ticket queue">
              <QueueView />
            </ViewBoundary>
          }
          ticket={<TicketPane />}
        />
      )}
      <SyncStatusBar />
      {managingReplies && <CannedRepliesDialog onClose={() => setManagingReplies(false)} />}
      <CommandPalette />
      <KeyboardMap />
    </div>
  );
}
