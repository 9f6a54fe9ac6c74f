/** Coloured badges for a ticket's stage and priority, the same everywhere they appear. */
import { Badge, type BadgeProps } from '@fluentui/react-components';
import { PRIORITY_LABEL, STAGE_LABEL, type Priority, type Stage } from '../../shared/domain';

const STAGE_COLOR: Record<Stage, BadgeProps['color']> = {
  validation: 'informative',
  investigation: 'brand',
  escalated: 'danger',
  resolution: 'warning',
  closed: 'subtle',
};

const PRIORITY_COLOR: Record<Priority, BadgeProps['color']> = {
  critical: 'danger',
  high: 'warning',
  normal: 'brand',
  low: 'informative',
};

export function StageBadge({ stage }: { stage: Stage }) {
  return (
    <Badge appearance="tint" color={STAGE_COLOR[stage]}>
      {STAGE_LABEL[stage]}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Priority | null }) {
  if (priority === null)
    return (
      <Badge appearance="outline" color="warning">
        No priority
      </Badge>
    );
  return (
    <Badge appearance="outline" color={PRIORITY_COLOR[priority]}>
      {PRIORITY_LABEL[priority]}
    </Badge>
  );
}
