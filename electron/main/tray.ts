/** The tray icon: the engineer's counts that matter at a glance, and a menu to open the console or a ticket. */
import type { MenuItemConstructorOptions } from 'electron';
import { NO_DESKTOP_STATUS, type DesktopStatus } from '../../shared/bridge';
import { APP_NAME } from '../../shared/bridge-host';
import { plural } from '../../shared/plural';

/** The part of Electron's Tray used here. */
export interface ShellTray {
  setToolTip(toolTip: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface TrayActions {
  openConsole: () => void;
  openTicket: (ticketId: string) => void;
  checkForUpdates: () => void;
  quit: () => void;
}

export interface TrayDependencies extends TrayActions {
  /** new Tray(icon). */
  create: () => ShellTray;
  /** Menu.buildFromTemplate. */
  buildMenu: (template: MenuItemConstructorOptions[]) => unknown;
}

export function trayToolTip({ openTickets, overdueFollowUps, nextSession }: DesktopStatus): string {
  return [
    APP_NAME,
    `${plural(openTickets, 'open ticket', 'open tickets')}, ${plural(overdueFollowUps, 'overdue follow-up', 'overdue follow-ups')}`,
    `Next session: ${nextSession?.label ?? 'none booked'}`,
  ].join('\n');
}

export function trayMenuTemplate(status: DesktopStatus, actions: TrayActions): MenuItemConstructorOptions[] {
  const { nextSession } = status;
  return [
    { label: `My open tickets: ${status.openTickets}`, click: actions.openConsole },
    { label: `Overdue follow-ups: ${status.overdueFollowUps}`, click: actions.openConsole },
    nextSession === null
      ? { label: 'Next session: none booked', enabled: false }
      : { label: `Next session: ${nextSession.label}`, click: () => actions.openTicket(nextSession.ticketId) },
    { type: 'separator' },
    { label: `Open ${APP_NAME}`, click: actions.openConsole },
    { label: 'Check for updates…', click: actions.checkForUpdates },
    { type: 'separator' },
    { label: 'Quit', click: actions.quit },
  ];
}

export function createTray({ create, buildMenu, ...actions }: TrayDependencies) {
  const tray = create();
  tray.on('click', actions.openConsole);
  const show = (status: DesktopStatus) => {
    tray.setToolTip(trayToolTip(status));
    tray.setContextMenu(buildMenu(trayMenuTemplate(status, actions)));
  };
  show(NO_DESKTOP_STATUS);
  return { show };
}
