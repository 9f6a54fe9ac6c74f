// The keyboard shortcut table: each key means one thing where it works, none takes a combination the
// browser or the operating system keeps for itself, and a key press finds its shortcut only as declared.
import { describe, expect, it } from 'vitest';
import { SHORTCUTS, type ShortcutScope, shortcutFor } from '../../../renderer/ui/shortcuts';

/** Combinations a page cannot have, or must not take: closing, opening and reloading, finding, printing, quitting. */
const RESERVED = [
  'Ctrl+W',
  'Ctrl+T',
  'Ctrl+N',
  'Ctrl+L',
  'Ctrl+R',
  'Ctrl+F',
  'Ctrl+P',
  'Ctrl+Q',
  'Ctrl+S',
  'Ctrl+O',
  'Ctrl+D',
  'Ctrl+H',
  'Ctrl+J',
  'Ctrl+U',
  'Ctrl+Tab',
  'Ctrl+Shift+T',
  'Ctrl+Shift+N',
  'Ctrl+Shift+I',
  'Ctrl+Shift+Q',
  'Alt+F4',
  'Alt+Tab',
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
  'Alt+Home',
  'Meta+Q',
  'Meta+W',
  'Meta+T',
  'Meta+N',
  'Meta+L',
  'Meta+R',
  'Meta+F',
  'Meta+P',
  'Meta+H',
  'Meta+M',
  'Meta+S',
  'Meta+O',
  'Meta+Tab',
  'Meta+Space',
  'Meta+,',
  'Ctrl+Space',
  'F1',
  'F3',
  'F5',
  'F6',
  'F7',
  'F11',
  'F12',
  'Tab',
  'Escape',
  'Space',
];

/** Every concrete combination a declared key stands for: `Mod` is Ctrl on Windows and Linux, ⌘ on a Mac. */
function combinations(key: string): string[] {
  return key.startsWith('Mod+') ? [key.replace('Mod+', 'Ctrl+'), key.replace('Mod+', 'Meta+')] : [key];
}

const press = (key: string, held: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...held,
});

describe('the shortcut table', () => {
  it('gives each key one meaning where it works (global keys work everywhere)', () => {
    const scopes: ShortcutScope[] = ['global', 'queue', 'ticket', 'triage'];
    for (const scope of scopes) {
      const seen = new Map<string, string>();
      for (const entry of SHORTCUTS.filter((s) => s.scope === scope || s.scope === 'global')) {
        for (const key of entry.keys.flatMap(combinations)) {
          expect(seen.get(key.toLowerCase()), `${key} in ${scope}`).toBeUndefined();
          seen.set(key.toLowerCase(), entry.id);
        }
      }
    }
  });

  it('takes no combination the browser or the operating system keeps', () => {
    const reserved = new Set(RESERVED.map((key) => key.toLowerCase()));
    for (const entry of SHORTCUTS) {
      for (const key of entry.keys.flatMap(combinations)) expect(reserved.has(key.toLowerCase()), key).toBe(false);
    }
  });

  it('uses a modifier only for the palette, so every other key is a single key', () => {
    const withModifier = SHORTCUTS.filter((entry) => entry.keys.some((key) => key.includes('+')));
    expect(withModifier.map((entry) => entry.id)).toEqual(['palette']);
  });

  it('finds a shortcut only with the modifiers it declares', () => {
    // Outside a Mac (the tests' platform), Mod is Ctrl.
    expect(shortcutFor(press('k', { ctrlKey: true }), 'global')?.id).toBe('palette');
    expect(shortcutFor(press('k', { metaKey: true }), 'global')).toBeUndefined();
    expect(shortcutFor(press('k'), 'global')).toBeUndefined();
    expect(shortcutFor(press('k'), 'queue')?.id).toBe('previousTicket');
    expect(shortcutFor(press('j', { ctrlKey: true }), 'queue')).toBeUndefined();
    expect(shortcutFor(press('E', { shiftKey: true }), 'ticket')).toBeUndefined();
    expect(shortcutFor(press('e', { altKey: true }), 'ticket')).toBeUndefined();
    expect(shortcutFor(press('e'), 'ticket')?.id).toBe('escalate');
    // The same key means what the view it is pressed in does: F logs a follow-up beside the queue, fails in triage.
    expect(shortcutFor(press('f'), 'ticket')?.id).toBe('logFollowUp');
    expect(shortcutFor(press('f'), 'triage')?.id).toBe('triageFail');
    expect(shortcutFor(press('2'), 'triage')?.id).toBe('triageHigh');
    // `?` needs Shift on most layouts: the character decides, not the Shift key.
    expect(shortcutFor(press('?', { shiftKey: true }), 'global')?.id).toBe('keyboardMap');
    expect(shortcutFor(press('ArrowDown'), 'queue')?.id).toBe('nextTicket');
  });
});
