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
import { useLeadNotice } from './lead-notice';

interface ReassignMenuProps {
  row: EscalationRow;
  /** The team's members with the engineer role. */
  engineers: readonly TeamMember[];
}

export function ReassignMenu({ row, engineers }: ReassignMenuProps) {
  const notice = useLeadNotice();
  const current = row.engineer?.id ?? null;

  const reassign = async (engineer: TeamMember) => {
    try {
      await workspaceActions.perform('assignTicket', {
        ticketId: row.ticketId,
        eventId: crypto.randomUUID(),
        assigneeId: engineer.id,
      });
      notice('success', `${row.number} is now ${engineer.name}'s.`);
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
              <MenuItemRadio key={engineer.id} name="engineer" value={engineer.id}>
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
