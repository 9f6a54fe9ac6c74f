/** Search, filters and sort for the queue. */
import { Button, Dropdown, Option, SearchBox, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useShallow } from 'zustand/react/shallow';
import {
  CHANNEL_LABEL,
  PRIORITY_LABEL,
  SCOPE_LABEL,
  STAGE_LABEL,
  STATUS_LABEL,
  Channel,
  Priority,
  Scope,
  Stage,
  Status,
  type TeamMember,
} from '../../../shared/domain';
import {
  NO_FILTERS,
  type QueueFilters,
  type QueueSort,
  queueActions,
  useQueueStore,
} from '../../data/stores/queue-store';
import { useTeamStore } from '../../data/stores/team-store';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'center',
  },
  search: { flexGrow: 1, minWidth: '240px' },
  filter: { minWidth: '130px', maxWidth: '180px' },
});

const SORT_LABEL: Record<QueueSort, string> = {
  lastUpdate: 'Last update',
  age: 'Oldest first',
  priority: 'Priority',
};

interface FilterProps<K extends keyof QueueFilters> {
  name: K;
  label: string;
  options: readonly { value: QueueFilters[K][number]; label: string }[];
}

function Filter<K extends keyof QueueFilters>({ name, label, options }: FilterProps<K>) {
  const styles = useStyles();
  const chosen = useQueueStore((s) => s.filters[name]) as string[];
  const text =
    chosen.length === 0
      ? ''
      : options
          .filter((o) => chosen.includes(o.value))
          .map((o) => o.label)
          .join(', ');
  return (
    <Dropdown
      className={styles.filter}
      aria-label={label}
      placeholder={label}
      multiselect
      value={text}
      selectedOptions={chosen}
      onOptionSelect={(_, data) => queueActions.setFilter(name, data.selectedOptions as QueueFilters[K])}
    >
      {options.map((option) => (
        <Option key={option.value} value={option.value}>
          {option.label}
        </Option>
      ))}
    </Dropdown>
  );
}

const NO_MEMBERS: readonly TeamMember[] = [];

const labelled = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export function QueueToolbar() {
  const styles = useStyles();
  const { query, sort, filtered } = useQueueStore(
    useShallow((s) => ({ query: s.query, sort: s.sort, filtered: s.filters !== NO_FILTERS || s.query !== '' })),
  );
  const members = useTeamStore((s) => s.team?.members ?? NO_MEMBERS);
  const assignees = [{ value: '', label: 'Unassigned' }, ...members.map((m) => ({ value: m.id, label: m.name }))];

  return (
    <div className={styles.bar} role="search">
      <SearchBox
        className={styles.search}
        aria-label="Search tickets"
        placeholder="Search number, title, customer, tenant, timeline…"
        value={query}
        onChange={(_, data) => queueActions.setQuery(data.value)}
      />
      <Filter name="stage" label="Stage" options={labelled(Stage.options, STAGE_LABEL)} />
      <Filter name="status" label="Status" options={labelled(Status.options, STATUS_LABEL)} />
      <Filter name="priority" label="Priority" options={labelled(Priority.options, PRIORITY_LABEL)} />
      <Filter name="scope" label="Product area" options={labelled(Scope.options, SCOPE_LABEL)} />
      <Filter name="assignee" label="Assignee" options={assignees} />
      <Filter name="channel" label="Channel" options={labelled(Channel.options, CHANNEL_LABEL)} />
      <Dropdown
        className={styles.filter}
        aria-label="Sort by"
        value={`Sort: ${SORT_LABEL[sort]}`}
        selectedOptions={[sort]}
        onOptionSelect={(_, data) => queueActions.setSort(data.optionValue as QueueSort)}
      >
        {(Object.keys(SORT_LABEL) as QueueSort[]).map((value) => (
          <Option key={value} value={value}>
            {SORT_LABEL[value]}
          </Option>
        ))}
      </Dropdown>
      {filtered && (
        <Button appearance="subtle" icon={<DismissRegular />} onClick={() => queueActions.clearFilters()}>
          Clear
        </Button>
      )}
    </div>
  );
}
