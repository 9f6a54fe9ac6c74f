/** The console's root: theme, start-up (settings, saved session), then the sign-in screen or the workspace. */
import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { LoginScreen } from '../features/login/LoginScreen';
import { useSessionStore } from '../data/stores/session-store';
import { workspaceActions } from '../data/workspace';
import { ConsoleLayout } from './ConsoleLayout';
import { settingsActions, useSettingsStore } from '../data/stores/settings-store';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const subscribeToScheme = (onChange: () => void) => {
  darkQuery.addEventListener('change', onChange);
  return () => darkQuery.removeEventListener('change', onChange);
};

/**
 * Reads the settings and reopens the saved session: called by the entry before the first render, so the
 * local database opens while React draws the spinner.
 */
export function startConsole(): Promise<unknown> {
  return Promise.allSettled([settingsActions.load(), workspaceActions.restore()]);
}

export function App({ started }: { started: Promise<unknown> }) {
  const theme = useSettingsStore((s) => s.settings.theme);
  const systemDark = useSyncExternalStore(subscribeToScheme, () => darkQuery.matches);
  const signedIn = useSessionStore((s) => s.session !== null);
  const [starting, setStarting] = useState(true);

  useEffect(() => {
    void started.then(() => setStarting(false));
  }, [started]);

  const dark = theme === 'dark' || (theme === 'system' && systemDark);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
      {starting ? (
        <Spinner label="Opening the console…" style={{ marginTop: '30vh' }} />
      ) : signedIn ? (
        <ConsoleLayout />
      ) : (
        <LoginScreen />
      )}
    </FluentProvider>
  );
}
