/** The keyboard map (`?`): every shortcut of the table in ui/shortcuts.ts, by where it works. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { uiActions, useUiStore } from '../data/stores/ui-store';
import { KeyCap } from '../ui/KeyCap';
import { SHORTCUTS, type Shortcut } from '../ui/shortcuts';
import { useReturnFocus } from '../ui/use-return-focus';

const useStyles = makeStyles({
  groups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalXL,
  },
  list: {
    display: 'grid',
    gridTemplateColumns: '1fr max-content',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  keys: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    justifyContent: 'flex-end',
    alignItems: 'flex-start',
    margin: 0,
  },
  note: { color: tokens.colorNeutralForeground3 },
});

const GROUPS = [...new Set(SHORTCUTS.map((entry) => entry.group))];

function Group({ name }: { name: Shortcut['group'] }) {
  const styles = useStyles();
  return (
    <section aria-label={name}>
      <Subtitle2 as="h3">{name}</Subtitle2>
      <dl className={styles.list}>
        {SHORTCUTS.filter((entry) => entry.group === name).map((entry) => (
          <div key={entry.id} style={{ display: 'contents' }}>
            <dt>{entry.label}</dt>
            <dd className={styles.keys}>
              {entry.keys.map((key) => (
                <KeyCap key={key} combination={key} />
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function KeyboardMap() {
  const styles = useStyles();
  const open = useUiStore((s) => s.keyboardMap);
  useReturnFocus(open);
  return (
    <Dialog open={open} onOpenChange={(_, data) => uiActions.showKeyboardMap(data.open)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogContent>
            <div className={styles.groups}>
              {GROUPS.map((group) => (
                <Group key={group} name={group} />
              ))}
            </div>
            <p className={styles.note}>
              Single keys act only when you are not typing in a field. J and K reach the queue when nothing has the
              focus, and ↓ reaches it from the search box.
            </p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => uiActions.showKeyboardMap(false)}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
