/**
 * The command palette (Ctrl+K, ⌘K on a Mac): a dialog high in the window. Its commands (and cmdk with
 * them) load once the console is on screen, off start-up's path but before the first Ctrl+K, so no
 * keystroke typed into a palette just opened is lost.
 */
import { Dialog, DialogSurface, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { type ComponentType, useEffect, useState } from 'react';
import { uiActions, useUiStore } from '../data/stores/ui-store';
import { useReturnFocus } from '../ui/use-return-focus';

const useStyles = makeStyles({
  surface: {
    padding: 0,
    width: '640px',
    maxWidth: 'calc(100vw - 32px)',
    // High in the window, where the eye already is, as in VS Code and Linear.
    alignSelf: 'flex-start',
    marginTop: '12vh',
    overflow: 'hidden',
  },
  loading: { padding: tokens.spacingHorizontalL },
});

export function CommandPalette() {
  const styles = useStyles();
  const open = useUiStore((s) => s.palette);
  useReturnFocus(open);
  // Held as a loaded component rather than React.lazy: a lazy component suspends on its first render even
  // when its code is already here, and the dialog would give the first focus to the fallback.
  const [Commands, setCommands] = useState<ComponentType | null>(null);
  useEffect(() => {
    void import('./PaletteCommands').then(({ PaletteCommands }) => setCommands(() => PaletteCommands));
  }, []);
  return (
    <Dialog open={open} onOpenChange={(_, data) => uiActions.showPalette(data.open)}>
      <DialogSurface className={styles.surface} aria-label="Command palette">
        {open &&
          (Commands === null ? (
            <Spinner className={styles.loading} size="small" label="Opening the commands…" />
          ) : (
            <Commands />
          ))}
      </DialogSurface>
    </Dialog>
  );
}
