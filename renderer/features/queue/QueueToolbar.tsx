/** Search, filters and sort for the queue. */
import {
  Button,
  Dropdown,
  Option,
  type SearchBoxProps,
  Switch,
  makeStyles,
  renderSearchBox_unstable,
  tokens,
  useSearchBoxStyles_unstable,
  useSearchBox_unstable,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { type Ref, memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
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
import { uiActions, useUiStore } from '../../data/stores/ui-store';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'center',
  },
  // A fixed basis: the box's own width changes when it loses focus (its clear button hides), and the
  // filters must not rewrap then, moving the rows under the pointer of a click that blurred the box.
  search: { flexGrow: 1, flexBasis: '240px', minWidth: '240px', maxWidth: '468px' },
  // Sized by its slot, not by what is typed: a keystroke lays out the box and nothing around it.
  searchBox: { display: 'flex', width: '100%', height: '32px', contain: 'size layout' },
  filter: { minWidth: '130px', maxWidth: '180px' },
  // Out of the layout and the accessibility tree, as if it were not there.
  hidden: { display: 'none' },
});

const SORT_LABEL: Record<QueueSort, string> = {
  lastUpdate: 'Last update',
  age: 'Oldest first',
  priority: 'Priority',
  followUpDue: 'Follow-up due',
};

const FOLLOW_UP_OPTIONS = [
  { value: 'overdue', label: 'Follow-up overdue' },
  { value: 'silent', label: 'Microsoft silent' },
] as const;

interface FilterProps<K extends keyof QueueFilters> {
  name: K;
  label: string;
  options: readonly { value: QueueFilters[K][number]; label: string }[];
}

function FilterDropdown<K extends keyof QueueFilters>({ name, label, options }: FilterProps<K>) {
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

/** Memoized with options fixed at load: a filter re-renders when its own choice changes, nothing else. */
const Filter = memo(FilterDropdown) as typeof FilterDropdown;

const labelled = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

const STAGE_OPTIONS = labelled(Stage.options, STAGE_LABEL);
const STATUS_OPTIONS = labelled(Status.options, STATUS_LABEL);
const PRIORITY_OPTIONS = labelled(Priority.options, PRIORITY_LABEL);
const SCOPE_OPTIONS = labelled(Scope.options, SCOPE_LABEL);
const CHANNEL_OPTIONS = labelled(Channel.options, CHANNEL_LABEL);

const NO_MEMBERS: readonly TeamMember[] = [];

function AssigneeFilter() {
  const members = useTeamStore((s) => s.team?.members ?? NO_MEMBERS);
  const assignees = useMemo(
    () => [{ value: '', label: 'Unassigned' }, ...members.map((m) => ({ value: m.id, label: m.name }))],
    [members],
  );
  return <Filter name="assignee" label="Assignee" options={assignees} />;
}

function SortBy() {
  const styles = useStyles();
  const sort = useQueueStore((s) => s.sort);
  return (
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
  );
}

/** Closed tickets are history: the tabs show open work unless this is on. */
function ShowClosed() {
  const showClosed = useQueueStore((s) => s.showClosed);
  return (
    <Switch label="Show closed" checked={showClosed} onChange={(_, data) => queueActions.setShowClosed(data.checked)} />
  );
}

/**
 * Mounted once and hidden while nothing is filtered. A search shows it once it has answered, in a frame
 * after the keystroke's: a keystroke renders nothing (see QueueSearch).
 */
function ClearFilters() {
  const styles = useStyles();
  const filtered = useQueueStore((s) => s.filters !== NO_FILTERS || s.search !== null);
  return (
    <Button
      className={filtered ? undefined : styles.hidden}
      appearance="subtle"
      icon={<DismissRegular />}
      onClick={() => queueActions.clearFilters()}
    >
      Clear
    </Button>
  );
}

/**
 * Fluent's SearchBox whose input keeps what is typed itself. React writes a controlled input's value,
 * type and name attributes again each time it renders it, and Fluent's box renders at every keystroke
 * with the value it holds: each write invalidated the input's style and layout inside the keystroke's
 * frame. Told a fixed value, the box holds nothing that changes as the user types, and its input, left
 * without one, is not written: the keystroke's frame is the browser's own. QueueSearch writes into the
 * input a query set from elsewhere.
 */
function TypedSearchBox({ ref, ...props }: SearchBoxProps & { ref: Ref<HTMLInputElement> }) {
  const fixed = useSearchBox_unstable({ ...props, value: '' }, ref);
  const state = { ...fixed, input: { ...fixed.input, value: undefined } };
  useSearchBoxStyles_unstable(state);
  return renderSearchBox_unstable(state);
}

/**
 * The search box: a keystroke renders nothing, not even the box (see TypedSearchBox); the query it sets
 * is searched after the keystroke's frame. `/` anywhere brings the focus here.
 */
function QueueSearch() {
  const styles = useStyles();
  const box = useRef<HTMLInputElement>(null);
  const requested = useUiStore((s) => s.searchRequested);
  // What the user types is already in the box; a query set otherwise (cleared with the filters) is put in it.
  useLayoutEffect(() => {
    const show = (query: string) => {
      if (box.current !== null && box.current.value !== query) box.current.value = query;
    };
    show(useQueueStore.getState().query);
    return useQueueStore.subscribe((state) => show(state.query));
  }, []);
  useEffect(() => {
    if (!requested) return;
    uiActions.searchFocused();
    box.current?.focus();
    box.current?.select();
  }, [requested]);
  return (
    <div className={styles.search}>
      <TypedSearchBox
        ref={box}
        // Down from the search goes to the results, the way a search field's list is reached.
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return;
          event.preventDefault();
          uiActions.focusQueue();
        }}
        className={styles.searchBox}
        aria-label="Search tickets"
        placeholder="Search number, title, customer, tenant, timeline…"
        onChange={(_, data) => queueActions.setQuery(data.value)}
      />
    </div>
  );
}

/** Each control reads only its own part of the queue's state, so the bar itself renders once. */
export function QueueToolbar() {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="search">
      <QueueSearch />
      <Filter name="stage" label="Stage" options={STAGE_OPTIONS} />
      <Filter name="status" label="Status" options={STATUS_OPTIONS} />
      <Filter name="priority" label="Priority" options={PRIORITY_OPTIONS} />
      <Filter name="scope" label="Product area" options={SCOPE_OPTIONS} />
      <AssigneeFilter />
      <Filter name="channel" label="Channel" options={CHANNEL_OPTIONS} />
      <Filter name="followUp" label="Follow-up" options={FOLLOW_UP_OPTIONS} />
      <SortBy />
      <ShowClosed />
      <ClearFilters />
    </div>
  );
}
