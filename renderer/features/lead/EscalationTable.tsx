/** The escalations table: sortable column headers, optional group headers with counts, a reassign menu per row. */
import {
  Badge,
  Caption1,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { memo, useMemo, type ReactNode } from 'react';
import type { LeadSortColumn } from '../../../shared/bridge';
import type { EscalationRow } from '../../../shared/api/lead';
import type { TeamMember } from '../../../shared/domain';
import { leadActions, useLeadStore } from '../../data/stores/lead-store';
import { useTeamStore } from '../../data/stores/team-store';
import { uiActions } from '../../data/stores/ui-store';
import { workspaceActions } from '../../data/workspace';
import { SeverityBadge, useTicketBadgeClasses } from '../../ui/TicketBadges';
import type { EngineerLoad } from './chart-data';
import { LEAD_COLUMNS, countOf } from './columns';
import type { RowGroup } from './row-groups';
import { toggleSort } from './row-sort';
import { ReassignMenu } from './ReassignMenu';

const useStyles = makeStyles({
  // Below this the table scrolls sideways rather than squeezing the customer names away.
  table: { minWidth: '1400px', tableLayout: 'fixed' },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  groupRow: { backgroundColor: tokens.colorNeutralBackground3 },
  groupCell: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  truncate: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

// Fixed widths (content, without the cells' 16 px of padding) for what has a known length; the
// customer column takes the rest.
const WIDTH: Record<LeadSortColumn, string | undefined> = {
  number: '95px',
  customer: undefined,
  caseNumber: '135px',
  severity: '60px',
  age: '70px',
  lastMicrosoftContact: '135px',
  nextFollowUpDue: '135px',
  overdue: '80px',
  silent: '110px',
  engineer: '130px',
};
const ACTIONS_WIDTH = '95px';

function openTicket(ticketId: string): void {
  uiActions.showView('queue');
  void workspaceActions.openTicket(ticketId);
}

/** Cells that show more than their text; the text itself is the column's, so the CSV says the same. */
function Cell({ column, row, text }: { column: LeadSortColumn; row: EscalationRow; text: string }): ReactNode {
  const styles = useStyles();
  const badges = useTicketBadgeClasses();
  switch (column) {
    case 'number':
      return (
        <Link onClick={() => openTicket(row.ticketId)} title={row.title}>
          {text}
        </Link>
      );
    case 'severity':
      return <SeverityBadge severity={row.severity} letterOnly classes={badges} />;
    case 'overdue':
      return row.followUpOverdue ? (
        <Badge appearance="filled" color="danger">
          {text}
        </Badge>
      ) : (
        <Caption1 className={styles.muted}>{text}</Caption1>
      );
    case 'silent':
      return row.microsoftSilent ? (
        <Badge appearance="tint" color="severe">
          {text}
        </Badge>
      ) : (
        <Caption1 className={styles.muted}>{text}</Caption1>
      );
    default:
      return (
        <div className={styles.truncate} title={text}>
          {text}
        </div>
      );
  }
}

const EscalationTableRow = memo(function EscalationTableRow({
  row,
  engineers,
  loads,
}: {
  row: EscalationRow;
  engineers: readonly TeamMember[];
  loads: ReadonlyMap<string, EngineerLoad>;
}) {
  return (
    <TableRow data-ticket-number={row.number}>
      {LEAD_COLUMNS.map((column) => (
        <TableCell key={column.id}>
          <Cell column={column.id} row={row} text={column.text(row)} />
        </TableCell>
      ))}
      <TableCell>
        <ReassignMenu row={row} engineers={engineers} loads={loads} />
      </TableCell>
    </TableRow>
  );
});

const NO_MEMBERS: readonly TeamMember[] = [];

export function EscalationTable({
  groups,
  loads,
}: {
  groups: readonly RowGroup[];
  loads: ReadonlyMap<string, EngineerLoad>;
}) {
  const styles = useStyles();
  const sort = useLeadStore((s) => s.layout.sort);
  const members = useTeamStore((s) => s.team?.members ?? NO_MEMBERS);
  const engineers = useMemo(() => members.filter((member) => member.role === 'engineer'), [members]);
  // One tab stop for the whole table; arrow keys move between its headers, links and menus.
  const navigation = useArrowNavigationGroup({ axis: 'grid' });
  const columnCount = LEAD_COLUMNS.length + 1;

  return (
    <Table sortable aria-label="Escalated tickets" className={styles.table} {...navigation}>
      <TableHeader className={styles.header}>
        <TableRow>
          {LEAD_COLUMNS.map((column) => (
            <TableHeaderCell
              key={column.id}
              style={{ width: WIDTH[column.id] }}
              sortDirection={sort.column === column.id ? sort.direction : undefined}
              onClick={() => leadActions.setSort(toggleSort(sort, column.id))}
            >
              {column.label}
            </TableHeaderCell>
          ))}
          <TableHeaderCell sortable={false} style={{ width: ACTIONS_WIDTH }}>
            Actions
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      {groups.length === 0 && (
        <TableBody>
          <TableRow>
            <TableCell colSpan={columnCount}>No escalation matches these filters.</TableCell>
          </TableRow>
        </TableBody>
      )}
      {groups.map((group) => {
        const title =
          group.label === null
            ? undefined
            : `${group.label}: ${countOf(group.rows.length, 'escalation')}, ${group.overdue} overdue`;
        return (
          <TableBody key={group.key} aria-label={title}>
            {group.label !== null && (
              <TableRow className={styles.groupRow}>
                <TableCell colSpan={columnCount}>
                  <div className={styles.groupCell}>
                    <Text weight="semibold">{group.label}</Text>
                    <Caption1>
                      {countOf(group.rows.length, 'escalation')} · {group.overdue} overdue
                    </Caption1>
                  </div>
                </TableCell>
              </TableRow>
            )}
            {group.rows.map((row) => (
              <EscalationTableRow key={row.ticketId} row={row} engineers={engineers} loads={loads} />
            ))}
          </TableBody>
        );
      })}
    </Table>
  );
}
