/**
 * Keeps one view's failure to its own place: a view whose code cannot be loaded (its file gone from the
 * server and from the kept copies, or the network down the first time it is opened) or that fails to
 * draw says so where it would have been, while the rest of the console goes on working. Around the whole
 * screen (App.tsx), a failure anywhere else is said the same way instead of leaving a blank window.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';

interface Props {
  /** What fails to show, as the user knows it: "The agenda", "This ticket". */
  what: string;
  /** What the view shows (the open ticket): when it changes, the view is drawn again, its failure left behind. */
  showing?: string | null;
  children: ReactNode;
}

export class ViewBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  // Only a failure from before the change is left behind: one in drawing what is now shown stays said.
  override componentDidUpdate(before: Props, beforeState: { error: Error | null }) {
    if (beforeState.error !== null && before.showing !== this.props.showing) this.setState({ error: null });
  }

  override render() {
    const { error } = this.state;
    return error === null ? this.props.children : <ViewProblem what={this.props.what} error={error} />;
  }
}

/**
 * The failure in the user's words. A file of the view's code that did not arrive (from the server, or
 * from the desktop console's own files) is said by each browser engine in its own words (Chromium:
 * "Failed to fetch dynamically imported module").
 */
function inPlainWords(error: Error): string {
  return /dynamically imported module|importing a module script failed/i.test(error.message)
    ? "The console's code for it could not be loaded."
    : 'Something went wrong while showing it.';
}

// Takes the view's place, so the status bar stays at the foot of the window.
const useStyles = makeStyles({
  place: { flex: 1, minHeight: 0, padding: tokens.spacingHorizontalL },
  details: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
});

function ViewProblem({ what, error }: { what: string; error: Error }) {
  const styles = useStyles();
  return (
    <div className={styles.place}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{what} could not be shown.</MessageBarTitle>
          {inPlainWords(error)} Changes you have saved are kept. Reload the console to try again.
          <Text size={200} className={styles.details}>
            Details, for support: {error.message || error.name}
          </Text>
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => window.location.reload()}>Reload the console</Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
