/**
 * Every keyboard shortcut of the console, declared once: the handlers, the keyboard map (`?`) and the
 * command palette's hints all read this table, so a key cannot mean two things or be shown wrong.
 */

export type ShortcutId =
  | 'palette'
  | 'keyboardMap'
  | 'search'
  | 'nextTicket'
  | 'previousTicket'
  | 'firstTicket'
  | 'lastTicket'
  | 'openTicket'
  | 'note'
  | 'reply'
  | 'escalate'
  | 'logFollowUp'
  | 'take'
  | 'triageTake'
  | 'triageAssign'
  | 'triageCritical'
  | 'triageHigh'
  | 'triageNormal'
  | 'triageLow'
  | 'triageValidate'
  | 'triagePass'
  | 'triageFail'
  | 'triageSkip'
  | 'triageBack';

/**
 * global: anywhere in the console; queue: while the queue's grid has the focus; ticket: the open
 * ticket's steps, in the queue's view beside it; triage: in the triage view.
 */
export type ShortcutScope = 'global' | 'queue' | 'ticket' | 'triage';

export interface Shortcut {
  id: ShortcutId;
  /**
   * The keys, each one combination: `Mod+K` (Ctrl, or ⌘ on a Mac), a single character (`/`, `?`, `J`) or
   * a named key (`ArrowDown`, `Home`). Letters are matched without Shift.
   */
  keys: readonly string[];
  label: string;
  group: 'General' | 'Queue' | 'Open ticket' | 'Triage';
  scope: ShortcutScope;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'palette', keys: ['Mod+K'], label: 'Open the command palette', group: 'General', scope: 'global' },
  { id: 'keyboardMap', keys: ['?'], label: 'Show the keyboard shortcuts', group: 'General', scope: 'global' },
  { id: 'search', keys: ['/'], label: 'Search tickets', group: 'General', scope: 'global' },
  { id: 'nextTicket', keys: ['J', 'ArrowDown'], label: 'Next ticket', group: 'Queue', scope: 'queue' },
  { id: 'previousTicket', keys: ['K', 'ArrowUp'], label: 'Previous ticket', group: 'Queue', scope: 'queue' },
  { id: 'firstTicket', keys: ['Home'], label: 'First ticket', group: 'Queue', scope: 'queue' },
  { id: 'lastTicket', keys: ['End'], label: 'Last ticket', group: 'Queue', scope: 'queue' },
  { id: 'openTicket', keys: ['Enter'], label: 'Open the ticket', group: 'Queue', scope: 'queue' },
  { id: 'note', keys: ['N'], label: 'Write an internal note', group: 'Open ticket', scope: 'ticket' },
  { id: 'reply', keys: ['R'], label: 'Reply to the customer', group: 'Open ticket', scope: 'ticket' },
  { id: 'escalate', keys: ['E'], label: 'Escalate to Microsoft', group: 'Open ticket', scope: 'ticket' },
  { id: 'logFollowUp', keys: ['F'], label: 'Log a follow-up with Microsoft', group: 'Open ticket', scope: 'ticket' },
  { id: 'take', keys: ['I'], label: 'Take the ticket (assign it to me)', group: 'Open ticket', scope: 'ticket' },
  { id: 'triageTake', keys: ['I'], label: 'Take it', group: 'Triage', scope: 'triage' },
  { id: 'triageAssign', keys: ['A'], label: 'Assign it to…', group: 'Triage', scope: 'triage' },
  { id: 'triageCritical', keys: ['1'], label: 'Priority Critical', group: 'Triage', scope: 'triage' },
  { id: 'triageHigh', keys: ['2'], label: 'Priority High', group: 'Triage', scope: 'triage' },
  { id: 'triageNormal', keys: ['3'], label: 'Priority Normal', group: 'Triage', scope: 'triage' },
  { id: 'triageLow', keys: ['4'], label: 'Priority Low', group: 'Triage', scope: 'triage' },
  { id: 'triageValidate', keys: ['V'], label: 'Run the validation', group: 'Triage', scope: 'triage' },
  { id: 'triagePass', keys: ['P'], label: 'Pass validation', group: 'Triage', scope: 'triage' },
  { id: 'triageFail', keys: ['F'], label: 'Fail validation and close…', group: 'Triage', scope: 'triage' },
  { id: 'triageSkip', keys: ['S', 'ArrowRight'], label: 'Skip to the next ticket', group: 'Triage', scope: 'triage' },
  { id: 'triageBack', keys: ['ArrowLeft'], label: 'Back to the ticket before', group: 'Triage', scope: 'triage' },
];

const BY_ID = new Map(SHORTCUTS.map((shortcut) => [shortcut.id, shortcut]));

export function shortcut(id: ShortcutId): Shortcut {
  const found = BY_ID.get(id);
  if (found === undefined) throw new Error(`no shortcut ${id}`);
  return found;
}

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A combination as the user's keyboard labels it: Ctrl+K, or ⌘K on a Mac. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', ArrowRight: '→', ArrowLeft: '←' };
  return key
    .split('+')
    .map((part) => (part === 'Mod' ? (onMac ? '⌘' : 'Ctrl') : (names[part] ?? part)))
    .join(onMac ? '' : '+');
}

/** A combination split: whether it needs Ctrl (⌘ on a Mac), and the key itself. */
function parseKey(key: string): { mod: boolean; key: string } {
  const parts = key.split('+');
  const last = parts[parts.length - 1] ?? '';
  return { mod: parts.includes('Mod'), key: last };
}

interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

function matches(event: KeyPress, combination: string): boolean {
  const { mod, key } = parseKey(combination);
  if (event.altKey) return false;
  const modHeld = onMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (mod !== modHeld || (!mod && (event.ctrlKey || event.metaKey))) return false;
  if (/^[A-Z]$/.test(key)) return !event.shiftKey && event.key.toUpperCase() === key;
  // `?` and `/` are typed with or without Shift depending on the keyboard layout: the character decides.
  return event.key === key;
}

/** The shortcut of `scope` this key press means, if any. */
export function shortcutFor(event: KeyPress, scope: ShortcutScope): Shortcut | undefined {
  return SHORTCUTS.find((entry) => entry.scope === scope && entry.keys.some((key) => matches(event, key)));
}

const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'slider']);
/** Inside these, letters and arrows already mean something (type-ahead, moving between options). */
const OWN_KEYS_SELECTOR = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

/**
 * Whether a single-key shortcut may act on this key press: never while typing in a field, never inside
 * a dialog, menu or list that uses the keys itself, never with Ctrl, ⌘ or Alt held.
 */
export function singleKeyAllowed(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  if (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    return false;
  }
  if (target instanceof HTMLSelectElement || TEXT_ROLES.has(target.getAttribute('role') ?? '')) return false;
  return target.closest(OWN_KEYS_SELECTOR) === null;
}
