/**
 * What the command palette lists and runs: the open ticket's steps the flow allows, going to a ticket by
 * its number, the views, sync and the theme. Built on cmdk, drawn with Fluent's tokens in both themes.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { Command } from 'cmdk';
import { useEffect, useRef, useState } from 'react';
import type { Theme } from '../../shared/bridge';
import { useSessionStore } from '../data/stores/session-store';
import { settingsActions } from '../data/stores/settings-store';
import { type ConsoleView, uiActions } from '../data/stores/ui-store';
import type { TicketSummary } from '../data/summary';
import { openTicketSteps, type TicketStep } from '../data/ticket-steps';
import { workspaceActions } from '../data/workspace';
import { KeyCap } from '../ui/KeyCap';
import { shortcut, type ShortcutId } from '../ui/shortcuts';

/** Enough to pick from; the search index ranks them, so the one typed comes first. */
const TICKETS_SHOWN = 8;

const useStyles = makeStyles({
  input: {
    boxSizing: 'border-box',
    width: '100%',
    border: 'none',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    outline: 'none',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    '::placeholder': { color: tokens.colorNeutralForeground4 },
  },
  list: {
    maxHeight: 'min(420px, 60vh)',
    overflowY: 'auto',
    padding: tokens.spacingVerticalS,
    '& [cmdk-group-heading]': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS}`,
      fontSize: tokens.fontSizeBase200,
      color: tokens.colorNeutralForeground3,
    },
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    '&[data-selected="true"]': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  label: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

interface PaletteCommand {
  id: string;
  label: string;
  group: string;
  run: () => void;
  /** Its key in the shortcut table, shown beside it. */
  shortcut?: ShortcutId;
  hint?: string;
  keywords?: string[];
}

const STEP_SHORTCUT: Partial<Record<TicketStep, ShortcutId>> = {
  note: 'note',
  reply: 'reply',
  escalate: 'escalate',
  log_follow_up: 'logFollowUp',
  take: 'take',
};

const VIEWS: { view: ConsoleView; label: string; leadOnly: boolean }[] = [
  { view: 'queue', label: 'Go to the ticket queue', leadOnly: false },
  { view: 'triage', label: 'Triage the tickets waiting in validation', leadOnly: false },
  { view: 'agenda', label: 'Go to the agenda', leadOnly: false },
  { view: 'escalations', label: "Go to the team's escalations", leadOnly: true },
];

const THEMES: { theme: Theme; label: string }[] = [
  { theme: 'light', label: 'Light' },
  { theme: 'dark', label: 'Dark' },
  { theme: 'system', label: 'Same as the system' },
];

/** The tickets the typed number finds, asked of the search index as the user types (the last answer wins). */
function useTicketsFound(query: string): { tickets: readonly TicketSummary[]; answered: boolean } {
  const [found, setFound] = useState<{ query: string; tickets: readonly TicketSummary[] }>({ query: '', tickets: [] });
  const wanted = /\d/.test(query) ? query.trim() : '';
  useEffect(() => {
    if (wanted === '') return;
    let current = true;
    workspaceActions
      .findTickets(wanted, TICKETS_SHOWN)
      .then((tickets) => {
        if (current) setFound({ query: wanted, tickets });
      })
      .catch((error: unknown) => console.warn(`palette: ${String(error)}`));
    return () => {
      current = false;
    };
  }, [wanted]);
  return wanted === '' ? { tickets: [], answered: true } : { tickets: found.tickets, answered: found.query === wanted };
}

/** What the palette offers as it opens: the open ticket's steps are those the flow allows at this moment. */
function commands(lead: boolean): PaletteCommand[] {
  const open = openTicketSteps(new Date());
  const steps: PaletteCommand[] =
    open === null
      ? []
      : open.steps.map(({ step, label }) => ({
          id: `step:${step}`,
          label,
          group: `Ticket ${open.ticket.number}`,
          shortcut: STEP_SHORTCUT[step],
          run: () => uiActions.requestStep(step, open.ticket.id),
        }));
  return [
    ...steps,
    ...VIEWS.filter((entry) => lead || !entry.leadOnly).map(({ view, label }) => ({
      id: `view:${view}`,
      label,
      group: 'Views',
      keywords: ['switch', 'view'],
      run: () => uiActions.showView(view),
    })),
    {
      id: 'search',
      label: 'Search tickets',
      group: 'Views',
      shortcut: 'search',
      run: () => uiActions.focusSearch(),
    },
    {
      id: 'sync',
      label: 'Sync now',
      group: 'Console',
      keywords: ['refresh'],
      run: () => void workspaceActions.syncNow(),
    },
    ...THEMES.map(({ theme, label }) => ({
      id: `theme:${theme}`,
      label: `Theme: ${label}`,
      group: 'Console',
      keywords: ['appearance', 'colour', 'color', 'mode'],
      run: () => void settingsActions.update({ theme }),
    })),
    {
      id: 'keyboard',
      label: 'Show the keyboard shortcuts',
      group: 'Console',
      shortcut: 'keyboardMap',
      keywords: ['help', 'keys'],
      run: () => uiActions.showKeyboardMap(true),
    },
  ];
}

/**
 * Whether every word typed is in the command's words. The palette filters itself (not cmdk's fuzzy
 * score): the tickets a number finds arrive later, from the search index, and must count as matches.
 */
function matches(command: PaletteCommand, words: readonly string[]): boolean {
  const text = [command.label, command.group, ...(command.keywords ?? [])].join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}

function Keys({ id }: { id: ShortcutId }) {
  return <KeyCap combination={shortcut(id).keys[0] ?? ''} />;
}

export function PaletteCommands() {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // The dialog's own first focus misses the input when the commands loaded after it opened. An effect, not
  // autoFocus: the palette has noted where the focus was (to give it back) before this takes it.
  useEffect(() => input.current?.focus(), []);
  const lead = useSessionStore((s) => s.session?.user.role === 'lead');
  const { tickets: found, answered } = useTicketsFound(query);
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  const shown = commands(lead).filter((command) => matches(command, words));
  const groups = [...new Set(shown.map((command) => command.group))];
  // The palette keeps the highlighted command itself: whenever the list changes (a number's tickets arrive
  // after the keystroke), the first entry is highlighted, so Enter takes the best match, never a stale one.
  const values = [...found.map((ticket) => `ticket:${ticket.id}`), ...shown.map((command) => command.id)];
  const list = values.join(' ');
  const [highlight, setHighlight] = useState({ list: '', value: '' });
  const value = highlight.list === list && values.includes(highlight.value) ? highlight.value : (values[0] ?? '');

  const run = (action: () => void) => {
    uiActions.showPalette(false);
    // After the palette has closed and given the focus back, so a dialog the command opens returns it there too.
    setTimeout(action, 0);
  };

  return (
    <Command
      label="Command palette"
      shouldFilter={false}
      loop
      vimBindings={false}
      value={value}
      onValueChange={(next) => setHighlight({ list, value: next })}
    >
      <Command.Input
        ref={input}
        className={styles.input}
        value={query}
        onValueChange={setQuery}
        placeholder="Type a command or a ticket number…"
      />
      <Command.List className={styles.list}>
        <Command.Empty className={styles.empty}>
          {!answered
            ? 'Looking in the local copy…'
            : /\d/.test(query)
              ? 'No ticket with that number in the local copy.'
              : 'No command matches.'}
        </Command.Empty>
        {found.length > 0 && (
          <Command.Group heading="Go to ticket">
            {found.map((ticket) => (
              <Command.Item
                key={ticket.id}
                className={styles.item}
                value={`ticket:${ticket.id}`}
                onSelect={() =>
                  run(() => {
                    uiActions.showView('queue');
                    void workspaceActions.openTicket(ticket.id);
                  })
                }
              >
                <span className={styles.label}>
                  Go to {ticket.number} · {ticket.title}
                </span>
                <span className={styles.hint}>{ticket.customerName ?? ''}</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {groups.map((group) => (
          <Command.Group key={group} heading={group}>
            {shown
              .filter((command) => command.group === group)
              .map((command) => (
                <Command.Item
                  key={command.id}
                  className={styles.item}
                  value={command.id}
                  onSelect={() => run(command.run)}
                >
                  <span className={styles.label}>{command.label}</span>
                  {command.shortcut !== undefined && <Keys id={command.shortcut} />}
                </Command.Item>
              ))}
          </Command.Group>
        ))}
      </Command.List>
    </Command>
  );
}
