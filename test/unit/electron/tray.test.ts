// The tray: the engineer's counts in its tooltip and menu, the next session a click away.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopStatus } from '../../../shared/bridge';
import { createTray } from '../../../electron/main/tray';
import { Menu, Tray } from './fake-electron';

const sessionTicket = '9b2f6a52-4c1e-4d8a-9f3e-2a7c5b1d0e44';
const status: DesktopStatus = {
  openTickets: 12,
  overdueFollowUps: 1,
  nextSession: { ticketId: sessionTicket, label: 'Tue 14:30 · CSS-104233' },
};

let actions: {
  openConsole: () => void;
  openTicket: (id: string) => void;
  checkForUpdates: () => void;
  quit: () => void;
};
beforeEach(() => {
  Tray.created.length = 0;
  actions = { openConsole: vi.fn(), openTicket: vi.fn(), checkForUpdates: vi.fn(), quit: vi.fn() };
});

function tray() {
  const shown = createTray({ create: () => new Tray('icon'), buildMenu: (t) => Menu.buildFromTemplate(t), ...actions });
  const [icon] = Tray.created;
  if (icon === undefined) throw new Error('no tray');
  return { shown, icon };
}

const labels = (icon: Tray) => icon.menu?.template.map((item) => item.label ?? item.type);

describe('the tray', () => {
  it('starts with zero counts until the console reports', () => {
    const { icon } = tray();
    expect(icon.toolTip).toBe('CSS Engineer Console\n0 open tickets, 0 overdue follow-ups\nNext session: none booked');
    expect(labels(icon)?.slice(0, 3)).toEqual([
      'My open tickets: 0',
      'Overdue follow-ups: 0',
      'Next session: none booked',
    ]);
    expect(icon.menu?.template[2]?.enabled).toBe(false);
  });

  it('shows the counts the console reports, in the tooltip and the menu', () => {
    const { shown, icon } = tray();
    shown.show(status);
    expect(icon.toolTip).toBe(
      'CSS Engineer Console\n12 open tickets, 1 overdue follow-up\nNext session: Tue 14:30 · CSS-104233',
    );
    expect(labels(icon)).toEqual([
      'My open tickets: 12',
      'Overdue follow-ups: 1',
      'Next session: Tue 14:30 · CSS-104233',
      'separator',
      'Open CSS Engineer Console',
      'Check for updates…',
      'separator',
      'Quit',
    ]);
  });

  it('opens the next session’s ticket, the console, the update check and quits from its menu', () => {
    const { shown, icon } = tray();
    shown.show(status);
    icon.choose('Next session');
    expect(actions.openTicket).toHaveBeenCalledWith(sessionTicket);
    icon.choose('My open tickets');
    icon.emit('click');
    expect(actions.openConsole).toHaveBeenCalledTimes(2);
    icon.choose('Check for updates');
    expect(actions.checkForUpdates).toHaveBeenCalledTimes(1);
    icon.choose('Quit');
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });
});
