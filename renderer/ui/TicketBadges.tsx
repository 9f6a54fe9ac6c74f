/**
 * Coloured badges for a ticket's stage, priority and escalation severity, the same everywhere they appear.
 * Plain spans styled like Fluent's medium Badge (tint and outline appearances, its tokens): a fast scroll of
 * the queue mounts dozens of them a frame, and a Fluent Badge costs several hooks and style insertions each.
 * The badges take their classes from `useTicketBadgeClasses`, called once by whatever lists them.
 */
import type { FollowUpState } from '../data/queue-model';
import {
  type GriffelStyle,
  type Theme,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import {
  PRIORITY_LABEL,
  SEVERITY_LABEL,
  STAGE_LABEL,
  type Priority,
  type Severity,
  type Stage,
} from '../../shared/domain';

type ColorToken = keyof Theme;

/** A badge's colours as theme tokens; `fill: null` is an outline badge, drawn on whatever is behind it. */
export interface BadgeTone {
  text: ColorToken;
  fill: ColorToken | null;
  /** null: the text's colour. */
  border: ColorToken | null;
}

/**
 * Every pair here keeps text at 4.5:1 or more in the light and the dark theme (WCAG AA for the badges' 12 px
 * text): against its fill, or for an outline against every surface in `BADGE_SURFACES`. A unit test holds them to it.
 */
export const BADGE_TONES = {
  neutral: { text: 'colorNeutralForeground3', fill: 'colorNeutralBackground4', border: 'colorNeutralStroke2' },
  brand: { text: 'colorBrandForeground2', fill: 'colorBrandBackground2', border: 'colorBrandStroke2' },
  danger: { text: 'colorPaletteRedForeground1', fill: 'colorPaletteRedBackground1', border: 'colorPaletteRedBorder1' },
  warning: {
    text: 'colorPaletteYellowForeground1',
    fill: 'colorPaletteYellowBackground1',
    border: 'colorPaletteYellowBorder1',
  },
  subtle: { text: 'colorNeutralForeground3', fill: 'colorNeutralBackground1', border: 'colorNeutralStroke2' },
  outlineRed: { text: 'colorPaletteRedForeground2', fill: null, border: 'colorPaletteRedBorder2' },
  outlineMarigold: { text: 'colorPaletteMarigoldForeground2', fill: null, border: null },
  outlineOrange: { text: 'colorPaletteDarkOrangeForeground2', fill: null, border: null },
  outlineBlue: { text: 'colorPaletteBlueForeground2', fill: null, border: null },
  outlineNeutral: { text: 'colorNeutralForeground3', fill: null, border: 'colorNeutralStroke2' },
  // The severities are filled a shade stronger than the stages, so A, B and C read apart from them and each other.
  severityA: {
    text: 'colorPaletteRedForeground2',
    fill: 'colorPaletteRedBackground2',
    border: 'colorPaletteRedBorder2',
  },
  severityB: {
    text: 'colorPaletteMarigoldForeground2',
    fill: 'colorPaletteMarigoldBackground2',
    border: 'colorPaletteMarigoldBorder2',
  },
  severityC: {
    text: 'colorPaletteBlueForeground2',
    fill: 'colorPaletteBlueBackground2',
    border: 'colorPaletteBlueBorderActive',
  },
} as const satisfies Record<string, BadgeTone>;

type ToneName = keyof typeof BADGE_TONES;

/** What an outline badge may be drawn on: list rows at rest, hovered and selected, and the panes' backgrounds. */
export const BADGE_SURFACES: readonly ColorToken[] = [
  'colorNeutralBackground1',
  'colorNeutralBackground1Hover',
  'colorNeutralBackground1Selected',
  'colorNeutralBackground2',
  'colorNeutralBackground3',
];

export const STAGE_TONE: Record<Stage, ToneName> = {
  validation: 'neutral',
  investigation: 'brand',
  escalated: 'danger',
  resolution: 'warning',
  closed: 'subtle',
};

/** `none`: a ticket that has no priority yet, which validation will ask for. */
export const PRIORITY_TONE: Record<Priority | 'none', ToneName> = {
  critical: 'outlineRed',
  high: 'outlineMarigold',
  normal: 'outlineBlue',
  low: 'outlineNeutral',
  none: 'outlineOrange',
};

export const SEVERITY_TONE: Record<Severity, ToneName> = {
  critical: 'severityA',
  moderate: 'severityB',
  minimal: 'severityC',
};

/** A severity's colour on a mark that is not a badge, such as a chart's bar: its badge's text colour, which reads on every surface. */
export function severityMarkColor(severity: Severity): string {
  return tokens[BADGE_TONES[SEVERITY_TONE[severity]].text];
}

function toneStyle({ text, fill, border }: BadgeTone): GriffelStyle {
  return {
    color: tokens[text],
    ...(fill === null ? {} : { backgroundColor: tokens[fill] }),
    ...shorthands.borderColor(border === null ? 'currentColor' : tokens[border]),
  };
}

const toneStyles = Object.fromEntries(
  Object.entries(BADGE_TONES).map(([name, tone]) => [name, toneStyle(tone)]),
) as Record<ToneName, GriffelStyle>;

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    boxSizing: 'border-box',
    alignItems: 'center',
    justifyContent: 'center',
    position: 'relative',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    height: '20px',
    minWidth: '20px',
    padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`,
    borderRadius: tokens.borderRadiusCircular,
    ...shorthands.borderColor(tokens.colorTransparentStroke),
    // As Fluent draws it: the border over the padding, not inside it, so the text sits where a Badge's does.
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
      ...shorthands.borderStyle('solid'),
      ...shorthands.borderColor('inherit'),
      ...shorthands.borderWidth(tokens.strokeWidthThin),
      borderRadius: 'inherit',
    },
  },
  ...toneStyles,
});

export const useTicketBadgeClasses = useStyles;
export type TicketBadgeClasses = ReturnType<typeof useStyles>;

export function StageBadge({ stage, classes: styles }: { stage: Stage; classes: TicketBadgeClasses }) {
  return <span className={mergeClasses(styles.badge, styles[STAGE_TONE[stage]])}>{STAGE_LABEL[stage]}</span>;
}

export function PriorityBadge({
  priority,
  classes: styles,
}: {
  priority: Priority | null;
  classes: TicketBadgeClasses;
}) {
  return (
    <span className={mergeClasses(styles.badge, styles[PRIORITY_TONE[priority ?? 'none']])}>
      {priority === null ? 'No priority' : PRIORITY_LABEL[priority]}
    </span>
  );
}

/**
 * "Severity A" in words as well as colour, so the colour is never the only sign; in a column headed "Severity"
 * (`letterOnly`) the letter alone.
 */
export function SeverityBadge({
  severity,
  letterOnly = false,
  classes: styles,
}: {
  severity: Severity;
  letterOnly?: boolean;
  classes: TicketBadgeClasses;
}) {
  const letter = SEVERITY_LABEL[severity];
  return (
    <span className={mergeClasses(styles.badge, styles[SEVERITY_TONE[severity]])}>
      {letterOnly ? letter : `Severity ${letter}`}
    </span>
  );
}

const FOLLOW_UP_BADGE: Record<FollowUpState, { tone: ToneName; label: string; title: string }> = {
  overdue: {
    tone: 'danger',
    label: 'Follow-up overdue',
    title: 'The next follow-up with Microsoft is past its due time',
  },
  silent: {
    tone: 'warning',
    label: 'Microsoft silent',
    title: 'Microsoft has not answered for longer than the team allows',
  },
};

/** What an escalated ticket asks for now, in words: a follow-up past due, or Microsoft silent too long. */
export function FollowUpBadge({ state, classes: styles }: { state: FollowUpState; classes: TicketBadgeClasses }) {
  const { tone, label, title } = FOLLOW_UP_BADGE[state];
  return (
    <span className={mergeClasses(styles.badge, styles[tone])} title={title}>
      {label}
    </span>
  );
}

/** A ticket that arrived in the user's queue while the console was open, until it is opened. */
export function NewBadge({ classes: styles }: { classes: TicketBadgeClasses }) {
  return <span className={mergeClasses(styles.badge, styles.brand)}>Just arrived</span>;
}
