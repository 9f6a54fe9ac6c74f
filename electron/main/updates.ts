/** Auto-update with electron-updater from the configured feed, checked at start and from the "Check for updates" menu entry. */
import type { AppUpdater } from 'electron-updater';
import { isHttpsLink } from './security';

/** The part of electron-updater's autoUpdater used here (it downloads on its own and installs when the app quits). */
export type Updater = Pick<AppUpdater, 'checkForUpdates' | 'setFeedURL' | 'quitAndInstall' | 'on'>;

export interface UpdateDependencies {
  updater: Updater;
  /** electron-updater reads the feed from the installed app's resources: a copy run from sources has none. */
  isPackaged: boolean;
  /** The IT policy's feed, else CSS_CONSOLE_UPDATE_URL: a feed other than the one built in (build/electron-builder.yml's publish). */
  feedUrl: string | undefined;
  /** False when the IT policy turns self-updates off (a deployment tool updates the app instead). */
  enabled: boolean;
  /** A message box with these buttons; resolves to the index of the one chosen. */
  ask: (message: string, detail: string, buttons: string[]) => Promise<number>;
  log: (message: string) => void;
}

export interface Updates {
  /** `byPerson`: asked from the menu, so "up to date" and failures are said, not only logged. */
  check(byPerson: boolean): void;
}

export function createUpdates({ updater, isPackaged, feedUrl, enabled, ask, log }: UpdateDependencies): Updates {
  if (feedUrl !== undefined) {
    if (isHttpsLink(feedUrl)) updater.setFeedURL({ provider: 'generic', url: feedUrl });
    else log(`CSS_CONSOLE_UPDATE_URL must be an https:// address; keeping the built-in update feed`);
  }
  let byPerson = false;
  const tell = (message: string, detail: string) => void ask(message, detail, ['OK']);

  updater.on('update-not-available', () => {
    if (byPerson) tell('CSS Engineer Console is up to date.', 'There is no newer version on the update feed.');
    byPerson = false;
  });
  updater.on('error', (error) => {
    log(`the update check failed: ${error.message}`);
    if (byPerson)
      tell(
        'Updates could not be checked.',
        `The update server could not be reached, or its answer was not usable. Try again later, or ask your IT department.\n\nDetails: ${error.message}`,
      );
    byPerson = false;
  });
  updater.on('update-downloaded', ({ version }) => {
    byPerson = false;
    void ask(
      `Version ${version} is ready to install.`,
      'Restart now to install it; otherwise it is installed when you quit. Your unsent changes are kept either way.',
      ['Restart now', 'Later'],
    ).then((choice) => {
      if (choice === 0) updater.quitAndInstall();
    });
  });

  return {
    check(asked) {
      if (!isPackaged) {
        if (asked)
          tell('Updates come with the installed console.', 'This copy runs from its sources: update it with git.');
        return;
      }
      if (!enabled) {
        if (asked)
          tell(
            'Updates are managed by your IT department.',
            'They install new versions for you; ask them about the next one.',
          );
        return;
      }
      byPerson = asked;
      updater.checkForUpdates().catch((error: unknown) => log(`the update check failed: ${String(error)}`));
    },
  };
}
