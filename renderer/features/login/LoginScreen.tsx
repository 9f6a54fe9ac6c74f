/** Sign-in: the server to sync with (the local reference server by default), e-mail and password. */
import {
  Button,
  Caption1,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ServerUrl } from '../../../shared/bridge';
import { useSettingsStore } from '../../data/stores/settings-store';
import { useSessionStore } from '../../data/stores/session-store';
import { workspaceActions } from '../../data/workspace';
import { inBrowser } from '../../platform';

const useStyles = makeStyles({
  page: { display: 'grid', placeItems: 'center', height: '100%', backgroundColor: tokens.colorNeutralBackground2 },
  card: { width: '380px', padding: tokens.spacingHorizontalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function LoginScreen() {
  const styles = useStyles();
  const { settings, serverUrlSetByIt } = useSettingsStore(
    useShallow((s) => ({ settings: s.settings, serverUrlSetByIt: s.serverUrlSetByIt })),
  );
  const { signingIn, error } = useSessionStore(useShallow((s) => ({ signingIn: s.signingIn, error: s.error })));
  const [serverUrl, setServerUrl] = useState(settings.serverUrl);
  const [email, setEmail] = useState(settings.lastEmail);
  const [password, setPassword] = useState('');
  const serverUrlError = ServerUrl.safeParse(serverUrl).error?.issues[0]?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (serverUrlError === undefined) void workspaceActions.signIn(serverUrl.trim(), email.trim(), password);
  };

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <form className={styles.form} onSubmit={submit} aria-label="Sign in">
          <Title2 as="h1">CSS Engineer Console</Title2>
          <Text>Sign in to the ticketing portal.</Text>
          {error !== null && (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          <Field
            label="Server"
            validationMessage={serverUrlError}
            hint={serverUrlSetByIt ? 'Set by your IT department' : undefined}
            required
          >
            <Input value={serverUrl} readOnly={serverUrlSetByIt} onChange={(_, data) => setServerUrl(data.value)} />
          </Field>
          <Field label="E-mail" required>
            <Input type="email" autoComplete="username" value={email} onChange={(_, data) => setEmail(data.value)} />
          </Field>
          <Field label="Password" required>
            <Input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(_, data) => setPassword(data.value)}
            />
          </Field>
          <Button appearance="primary" type="submit" disabled={signingIn || email === '' || password === ''}>
            {signingIn ? 'Signing in…' : 'Sign in'}
          </Button>
          {inBrowser && (
            <Caption1>
              In a browser, your sign-in is kept in this tab only, without the encryption the desktop app gets from your
              computer's keychain. On a shared computer, sign out and close the tab when you are done.
            </Caption1>
          )}
        </form>
      </Card>
    </main>
  );
}
