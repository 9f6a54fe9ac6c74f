// The remembered queue width: settings stored before it existed get the default, and a width that would
// squeeze the queue or the ticket out of reach is refused with the reason.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from '../../../shared/bridge';

describe('the queue width setting', () => {
  it('gives the ticket the wider part by default, also to settings stored before the setting existed', () => {
    const older: Partial<typeof DEFAULT_SETTINGS> = { ...DEFAULT_SETTINGS };
    delete older.queueWidthPercent;
    expect(Settings.parse(older).queueWidthPercent).toBe(40);
  });

  it('keeps a width the engineer dragged, and refuses one that hides the queue or the ticket', () => {
    expect(SettingsPatch.parse({ queueWidthPercent: 33.5 })).toEqual({ queueWidthPercent: 33.5 });
    expect(SettingsPatch.safeParse({ queueWidthPercent: 5 }).error?.issues[0]?.message).toBe(
      'the queue takes at least 20 % of the window, so its tickets stay readable',
    );
    expect(SettingsPatch.safeParse({ queueWidthPercent: 95 }).error?.issues[0]?.message).toBe(
      'the queue takes at most 70 % of the window, so the open ticket stays readable',
    );
  });
});
