/** One line under the queue's toolbar when what is shown is not everything: still reading, or a capped search. */
import { Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode, memo } from 'react';
import type { QueuePhase } from '../../data/stores/queue-store';
import type { SearchResult } from '../../data/search/search-protocol';

const useStyles = makeStyles({
  note: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}`,
    color: tokens.colorNeutralForeground3,
  },
});

const count = (n: number) => n.toLocaleString();

interface QueueNotesProps {
  phase: QueuePhase;
  search: SearchResult | null;
  shown: number;
}

/** Memoized: the grid beneath it re-renders on every scroll frame, this line only when what it says changes. */
export const QueueNotes = memo(function QueueNotes({ phase, search, shown }: QueueNotesProps) {
  const styles = useStyles();
  // Always there, empty or not, so the queue's grid rows stay where they are; a status for screen readers.
  let content: ReactNode = null;
  if (search !== null && !search.complete) {
    content = (
      <>
        <Spinner size="extra-tiny" />
        <Caption1>Search is still reading the local copy: more matches may appear.</Caption1>
      </>
    );
  } else if (search !== null && search.total > search.ids.length) {
    content = (
      <Caption1>
        The best {count(search.ids.length)} of {count(search.total)} matches ({count(shown)} in this view). Add words to
        narrow the search.
      </Caption1>
    );
  } else if (phase === 'firstScreen') {
    content = (
      <>
        <Spinner size="extra-tiny" />
        <Caption1>Showing the latest tickets while the rest of the local copy is read…</Caption1>
      </>
    );
  }
  return (
    <div className={content === null ? undefined : styles.note} role="status">
      {content}
    </div>
  );
});
