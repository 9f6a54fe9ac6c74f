/** The list's actions: grouping, saved views, CSV export of the rows shown, and how many rows that is. */
import {
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  BookmarkRegular,
  DeleteRegular,
  GroupListRegular,
  SaveRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { LeadLayout } from '../../../shared/bridge';
import type { EscalationRow } from '../../../shared/api/lead';
import { settingsActions, useSettingsStore } from '../../data/stores/settings-store';
import { leadActions, useLeadStore } from '../../data/stores/lead-store';
import { platform } from '../../platform';
import { CadenceDialog } from './CadenceDialog';
import { LEAD_COLUMNS, countOf } from './columns';
import { escalationsCsv, exportFileName } from './csv';
import { useLeadNotice } from './lead-notice';
import { deleteView } from './saved-views';
import { SaveViewDialog } from './SaveViewDialog';

const useStyles = makeStyles({
  bar: { padding: `0 ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  count: { marginLeft: 'auto', color: tokens.colorNeutralForeground2, paddingRight: tokens.spacingHorizontalS },
});

type GroupBy = LeadLayout['groupBy'];
const GROUP_LABEL: Record<GroupBy, string> = { none: 'None', engineer: 'Engineer', severity: 'Severity' };

interface LeadToolbarProps {
  /** The rows on screen, in the order shown. */
  shown: readonly EscalationRow[];
  total: number;
}

export function LeadToolbar({ shown, total }: LeadToolbarProps) {
  const styles = useStyles();
  const notice = useLeadNotice();
  const groupBy = useLeadStore((s) => s.layout.groupBy);
  const activeViewId = useLeadStore((s) => s.activeViewId);
  const views = useSettingsStore((s) => s.settings.leadViews);
  const activeView = views.find((view) => view.id === activeViewId);
  const [naming, setNaming] = useState(false);

  const exportCsv = async () => {
    const now = new Date();
    const result = await platform.saveFile({
      suggestedName: exportFileName(now),
      content: escalationsCsv(LEAD_COLUMNS, shown),
    });
    if (!result.ok) notice('error', `The export was not saved: ${result.error}`);
    else if (result.value.saved) {
      const where = result.value.path === null ? '' : ` to ${result.value.path}`;
      notice('success', `Exported ${countOf(shown.length, 'escalation')}${where}.`);
    }
  };

  const remove = async (id: string, name: string) => {
    const refused = await settingsActions.update({ leadViews: deleteView(views, id) });
    if (refused !== null) notice('error', `The view "${name}" was not deleted: ${refused}`);
    else if (id === activeViewId) leadActions.markActive(null);
  };

  return (
    <>
      <Toolbar aria-label="Escalation list" className={styles.bar}>
        <Menu
          checkedValues={{ groupBy: [groupBy] }}
          onCheckedValueChange={(_, data) => leadActions.setGroupBy(data.checkedItems[0] as GroupBy)}
        >
          <MenuTrigger disableButtonEnhancement>
            <ToolbarButton icon={<GroupListRegular />}>Group by: {GROUP_LABEL[groupBy]}</ToolbarButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {(Object.keys(GROUP_LABEL) as GroupBy[]).map((value) => (
                <MenuItemRadio key={value} name="groupBy" value={value}>
                  {value === 'none' ? 'No grouping' : GROUP_LABEL[value]}
                </MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <ToolbarButton icon={<BookmarkRegular />}>
              {activeView === undefined ? 'Saved views' : `Saved views: ${activeView.name}`}
            </ToolbarButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuGroup>
                <MenuGroupHeader>Show a saved view</MenuGroupHeader>
                {views.length === 0 && <MenuItem disabled>No saved views yet</MenuItem>}
                {views.map((view) => (
                  <MenuItem key={view.id} onClick={() => leadActions.applyView(view)}>
                    {view.name}
                  </MenuItem>
                ))}
              </MenuGroup>
              <MenuDivider />
              <MenuItem icon={<SaveRegular />} onClick={() => setNaming(true)}>
                Save current view…
              </MenuItem>
              {views.length > 0 && (
                <Menu>
                  <MenuTrigger disableButtonEnhancement>
                    <MenuItem icon={<DeleteRegular />}>Delete a view</MenuItem>
                  </MenuTrigger>
                  <MenuPopover>
                    <MenuList>
                      {views.map((view) => (
                        <MenuItem key={view.id} onClick={() => void remove(view.id, view.name)}>
                          Delete “{view.name}”
                        </MenuItem>
                      ))}
                    </MenuList>
                  </MenuPopover>
                </Menu>
              )}
            </MenuList>
          </MenuPopover>
        </Menu>
        <ToolbarButton icon={<ArrowDownloadRegular />} disabled={shown.length === 0} onClick={() => void exportCsv()}>
          Export CSV
        </ToolbarButton>
        <CadenceDialog />
        <Text className={styles.count} role="status">
          {shown.length === total ? countOf(total, 'escalation') : `${shown.length} of ${countOf(total, 'escalation')}`}
        </Text>
      </Toolbar>
      {naming && <SaveViewDialog onClose={() => setNaming(false)} />}
    </>
  );
}
