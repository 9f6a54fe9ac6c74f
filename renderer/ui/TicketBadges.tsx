/**
 * Coloured badges for a ticket's stage and priority, the same everywhere they appear. Plain spans
 * styled like Fluent's medium Badge (tint and outline appearances, its tokens): a fast scroll of the
 * queue mounts dozens of them a frame, and a Fluent Badge costs several hooks and style insertions each.
 * The badges take their classes from `useTicketBadgeClasses`, called once by whatever lists them.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { PRIORITY_LABEL, STAGE_LABEL, type Priority, type Stage } from '../../shared/domain';

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
  tintInformative: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  tintBrand: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    ...shorthands.borderColor(tokens.colorBrandStroke2),
  },
  tintDanger: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  tintWarning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteYellowForeground1,
    ...shorthands.borderColor(tokens.colorPaletteYellowBorder1),
  },
  tintSubtle: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  outline: shorthands.borderColor('currentColor'),
  outlineDanger: { color: tokens.colorPaletteRedForeground3, ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  outlineWarning: { color: tokens.colorPaletteYellowForeground2 },
  outlineBrand: { color: tokens.colorBrandForeground1 },
  outlineInformative: { color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
});

export const useTicketBadgeClasses = useStyles;
export type TicketBadgeClasses = ReturnType<typeof useStyles>;
type BadgeClass = keyof TicketBadgeClasses;

const STAGE_CLASS: Record<Stage, BadgeClass> = {
  validation: 'tintInformative',
  investigation: 'tintBrand',
  escalated: 'tintDanger',
  resolution: 'tintWarning',
  closed: 'tintSubtle',
};

const PRIORITY_CLASS: Record<Priority, BadgeClass> = {
  critical: 'outlineDanger',
  high: 'outlineWarning',
  normal: 'outlineBrand',
  low: 'outlineInformative',
};

export function StageBadge({ stage, classes: styles }: { stage: Stage; classes: TicketBadgeClasses }) {
  return <span className={mergeClasses(styles.badge, styles[STAGE_CLASS[stage]])}>{STAGE_LABEL[stage]}</span>;
}

export function PriorityBadge({
  priority,
  classes: styles,
}: {
  priority: Priority | null;
  classes: TicketBadgeClasses;
}) {
  return (
    <span
      className={mergeClasses(
        styles.badge,
        styles.outline,
        styles[priority === null ? 'outlineWarning' : PRIORITY_CLASS[priority]],
      )}
    >
      {priority === null ? 'No priority' : PRIORITY_LABEL[priority]}
    </span>
  );
}
