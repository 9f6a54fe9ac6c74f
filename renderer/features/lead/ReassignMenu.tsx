/** The per-row menu that hands an escalation to another engineer of the team (the assignTicket change). */
import {
  Button,
  Menu,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { PersonSwapRegular } from '@fluentui/react-icons';
import type { EscalationRow } from '../../../shared/api/lead';
import type { TeamMember } from '../../../shared/domain';
import { workspaceActions } from '../../data/workspace';
import type { EngineerLoad } from './chart-data';
import { UNASSIGNED, countOf } from './columns';
import { useLeadNotice } from './lead-notice';

interface ReassignMenuProps {
  row: EscalationRow;
  /** The team's members with the engineer role. */
  engineers: readonly TeamMember[];
  /** Each engineer's open escalations, by user id: the menu shows who has room. */
  loads: ReadonlyMap<string, EngineerLoad>;
}

/** "2 open, 1 overdue", "No open escalations". */
function loadText(load: EngineerLoad | undefined): string {
  const open = (load?.onTime ?? 0) + (load?.overdue ?? 0);
  if (open === 0) return 'No open escalations';
  return `${countOf(open, 'open escalation')}${load?.overdue ? `, ${load.overdue} overdue` : ''}`;
}

export function ReassignMenu({ row, engineers, loads }: ReassignMenuProps) {
  const notice = useLeadNotice();
  const current = row.engineer?.id ?? null;

  const assign = (assigneeId: string | null) =>
    workspaceActions.perform('assignTicket', { ticketId: row.ticketId, eventId: crypto.randomUUID(), assigneeId });

  const reassign = async (engineer: TeamMember) => {
    const before = row.engineer;
    try {
      await assign(engineer.id);
      notice('success', `${row.number} is now ${engineer.name}'s.`, {
        label: 'Undo',
        run: () => {
          assign(before?.id ?? null).then(
            () =>
              notice(
                'success',
                `${row.number} is ${before === null ? UNASSIGNED.toLowerCase() : `${before.name}'s`} again.`,
              ),
            (error: unknown) =>
              notice(
                'error',
                `${row.number} was not given back: ${error instanceof Error ? error.message : String(error)}`,
              ),
          );
        },
      });
    } catch (error) {
      // A RefusedChange says why in the words of the shared rules.
      notice('error', `${row.number} was not reassigned: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <Menu
      checkedValues={{ engineer: current === null ? [] : [current] }}
      onCheckedValueChange={(_, data) => {
        const engineer = engineers.find((member) => member.id === data.checkedItems[0]);
        if (engineer !== undefined && engineer.id !== current) void reassign(engineer);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" icon={<PersonSwapRegular />} aria-label={`Reassign ${row.number}`}>
          Reassign
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>Assign {row.number} to</MenuGroupHeader>
            {engineers.map((engineer) => (
              <MenuItemRadio
                key={engineer.id}
                name="engineer"
                value={engineer.id}
                secondaryContent={loadText(loads.get(engineer.id))}
              >
                {engineer.name}
              </MenuItemRadio>
            ))}
            {engineers.length === 0 && <MenuItem disabled>No engineer in the team list yet; sync first</MenuItem>}
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
