/** The queue's styles, shared by the grid and its rows: the columns, and how they give way as the queue narrows. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const ROW_HEIGHT = 56;
/** Rows drawn beyond each edge of the screen, so a scroll shows rows already there. */
export const OVERSCAN = 4;

/**
 * The columns give way one by one as the queue narrows (the split beside the ticket, a small window):
 * age first, then assignee, then priority, then stage; ticket and title always stay, and nothing
 * overlaps. Container queries, so the queue answers to its own width, not the window's. Narrowest
 * first, each wider query adding a column: Griffel orders the queries by their text, which for these
 * widths (all three digits) is also the order in which the wider must win.
 */
const WITH_STAGE = '@container (min-width: 400px)';
const WITH_PRIORITY = '@container (min-width: 580px)';
const WITH_ASSIGNEE = '@container (min-width: 710px)';
const WITH_AGE = '@container (min-width: 800px)';
// The stage column fits its longest badge, "Escalated to Microsoft", on one line.
const columns = {
  display: 'grid',
  gridTemplateColumns: '100px minmax(0, 1fr)',
  [WITH_STAGE]: { gridTemplateColumns: '100px minmax(0, 1fr) 170px' },
  [WITH_PRIORITY]: { gridTemplateColumns: '100px minmax(160px, 1fr) 170px 90px' },
  [WITH_ASSIGNEE]: { gridTemplateColumns: '100px minmax(160px, 1fr) 170px 90px 130px' },
  [WITH_AGE]: { gridTemplateColumns: '100px minmax(160px, 1fr) 170px 90px 130px 80px' },
} as const;

export const useQueueStyles = makeStyles({
  pane: {
    display: 'grid',
    gridTemplateRows: 'auto auto auto auto 1fr',
    minHeight: 0,
    // Whatever the split, the queue stays inside its pane instead of running under the ticket.
    minWidth: 0,
    overflow: 'hidden',
    containerType: 'inline-size',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  header: {
    ...columns,
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
  scroller: { overflowY: 'auto', minHeight: 0, position: 'relative' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    ...columns,
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  // A bar at the row's start marks a ticket new since the console opened, beside its "New" badge.
  fresh: { boxShadow: `inset 4px 0 0 ${tokens.colorBrandStroke1}` },
  cell: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  number: { fontWeight: tokens.fontWeightSemibold },
  caption: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  titleCell: { display: 'flex', flexDirection: 'column', overflow: 'hidden' },
  // Brand blue is too faint on a hovered or selected row in the dark theme; this blue reads on both.
  sessionToday: { color: tokens.colorPaletteBlueForeground2, fontWeight: tokens.fontWeightSemibold },
  empty: { padding: tokens.spacingHorizontalXL },
  stage: { display: 'none', [WITH_STAGE]: { display: 'flex' } },
  priority: { display: 'none', [WITH_PRIORITY]: { display: 'block' } },
  assignee: { display: 'none', [WITH_ASSIGNEE]: { display: 'block' } },
  age: { display: 'none', [WITH_AGE]: { display: 'block' } },
});

export type QueueClasses = ReturnType<typeof useQueueStyles>;
