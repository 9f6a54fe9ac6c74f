/** The console's root: the theme, then the sign-in screen or the workspace (a failure in either said in its place). */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import { LoginScreen } from '../features/login/LoginScreen';
import { useSessionStore } from '../data/stores/session-store';
import { ConsoleLayout } from './ConsoleLayout';
import { ViewBoundary } from './ViewBoundary';
import { useSettingsStore } from '../data/stores/settings-store';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const subscribeToScheme = (onChange: () => void) => {
  darkQuery.addEventListener('change', onChange);
  return () => darkQuery.removeEventListener('change', onChange);
};

/** Drawn once the settings are read and the saved session, if any, is reopened (see main.tsx). */
export function App() {
  const theme = useSettingsStore((s) => s.settings.theme);
  const systemDark = useSyncExternalStore(subscribeToScheme, () => darkQuery.matches);
  const signedIn = useSessionStore((s) => s.session !== null);
  const dark = theme === 'dark' || (theme === 'system' && systemDark);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
      <ViewBoundary what="The console">{signedIn ? <ConsoleLayout /> : <LoginScreen />}</ViewBoundary>
    </FluentProvider>
  );
}
