/** A key as drawn on a keyboard (Ctrl+K, ⌘K, J, →): the keyboard map, the palette's hints and triage's buttons. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { keyLabel } from './shortcuts';

const useStyles = makeStyles({
  cap: {
    display: 'inline-block',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    minWidth: '1.5em',
    textAlign: 'center',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomWidth: '2px',
    borderRadius: tokens.borderRadiusSmall,
    // The text's own colour, so a key reads on a primary button as well as on the page.
    color: 'inherit',
  },
});

/** `combination` as the table writes it (`Mod+K`, `J`, `ArrowRight`); `className` places it. */
export function KeyCap({ combination, className }: { combination: string; className?: string }) {
  const styles = useStyles();
  return <kbd className={mergeClasses(styles.cap, className)}>{keyLabel(combination)}</kbd>;
}
