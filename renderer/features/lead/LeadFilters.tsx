/** The lead's filters: free text, severity, engineer, overdue only, Microsoft silent only. */
import { Button, Dropdown, Option, SearchBox, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { AlertUrgentRegular, DismissRegular, SpeakerMuteRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import type { EscalationRow } from '../../../shared/api/lead';
import { SEVERITY_LABEL, Severity, type TeamMember } from '../../../shared/domain';
import { leadActions, useLeadStore } from '../../data/stores/lead-store';
import { useTeamStore } from '../../data/stores/team-store';
import { engineerOptions, hasFilters } from './row-filter';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    alignItems: 'center',
  },
  search: { flexGrow: 1, minWidth: '260px', maxWidth: '420px' },
  filter: { minWidth: '150px', maxWidth: '220px' },
});

const NO_MEMBERS: readonly TeamMember[] = [];

/** "Severity: A, B" for the chosen options, or empty so the placeholder shows. */
const chosenText = (label: string, chosen: readonly string[], options: readonly { value: string; label: string }[]) =>
  chosen.length === 0
    ? ''
    : `${label}: ${options
        .filter((option) => chosen.includes(option.value))
        .map((option) => option.label)
        .join(', ')}`;

const SEVERITY_OPTIONS = Severity.options.map((value) => ({ value, label: SEVERITY_LABEL[value] }));

export function LeadFilters({ rows }: { rows: readonly EscalationRow[] }) {
  const styles = useStyles();
  const filters = useLeadStore((s) => s.layout.filters);
  const members = useTeamStore((s) => s.team?.members ?? NO_MEMBERS);
  const engineers = useMemo(() => engineerOptions(rows, members), [rows, members]);

  return (
    <div className={styles.bar} role="search" aria-label="Filter escalations">
      <SearchBox
        className={styles.search}
        aria-label="Search escalations"
        placeholder="Customer, Microsoft case or ticket number"
        maxLength={200}
        value={filters.text}
        onChange={(_, data) => leadActions.setFilter('text', data.value)}
      />
      <Dropdown
        className={styles.filter}
        aria-label="Severity"
        placeholder="Severity"
        multiselect
        value={chosenText('Severity', filters.severities, SEVERITY_OPTIONS)}
        selectedOptions={filters.severities}
        onOptionSelect={(_, data) => leadActions.setFilter('severities', data.selectedOptions as Severity[])}
      >
        {SEVERITY_OPTIONS.map((option) => (
          <Option key={option.value} value={option.value} text={`Severity ${option.label}`}>
            {`Severity ${option.label}`}
          </Option>
        ))}
      </Dropdown>
      <Dropdown
        className={styles.filter}
        aria-label="Engineer"
        placeholder="Engineer"
        multiselect
        value={chosenText('Engineer', filters.engineers, engineers)}
        selectedOptions={filters.engineers}
        onOptionSelect={(_, data) => leadActions.setFilter('engineers', data.selectedOptions)}
      >
        {engineers.map((option) => (
          <Option key={option.value} value={option.value}>
            {option.label}
          </Option>
        ))}
      </Dropdown>
      <ToggleButton
        icon={<AlertUrgentRegular />}
        checked={filters.overdueOnly}
        onClick={() => leadActions.setFilter('overdueOnly', !filters.overdueOnly)}
      >
        Overdue only
      </ToggleButton>
      <ToggleButton
        icon={<SpeakerMuteRegular />}
        checked={filters.silentOnly}
        onClick={() => leadActions.setFilter('silentOnly', !filters.silentOnly)}
      >
        Microsoft silent only
      </ToggleButton>
      {hasFilters(filters) && (
        <Button appearance="subtle" icon={<DismissRegular />} onClick={() => leadActions.clearFilters()}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
