/** The application menu: the standard edit and window menus, and Help → "Check for updates…". */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  checkForUpdates: () => void;
  /** Developer tools only where the console runs from its sources. */
  developer: boolean;
  platform: NodeJS.Platform;
}

export function applicationMenuTemplate({
  checkForUpdates,
  developer,
  platform,
}: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(developer ? [{ role: 'toggleDevTools' } as const] : []),
  ];
  return [
    platform === 'darwin' ? { role: 'appMenu' } : { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Check for updates…', click: checkForUpdates }] },
  ];
}
