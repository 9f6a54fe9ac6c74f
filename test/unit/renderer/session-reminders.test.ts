// A reminder comes once per confirmed session time, minutes before it: not again on the next check or
// after a restart, again for a new time, never for a proposal, a cancelled session or a colleague's.
import { describe, expect, it, vi } from 'vitest';
import {
  checkSessionReminders,
  dueReminders,
  reminderKey,
  startSessionReminders,
  type ReminderStorage,
  type SessionReminderOptions,
} from '../../../renderer/data/session-reminders';
import { summarize, type TicketSummary } from '../../../renderer/data/summary';
import type { RemoteSession } from '../../../shared/domain/remote-session';
import {
  COLLEAGUE,
  ENGINEER,
  SESSION_ID,
  SESSION_SLOTS,
  TICKET_ID,
  TICKET_NUMBER,
  makeRemoteSession,
  makeTicketInStage,
} from '../../fixtures/tickets';

const MINUTE = 60_000;
const booked = SESSION_SLOTS[0];
const start = Date.parse(booked.start);
const at = (minutesFromStart: number) => new Date(start + minutesFromStart * MINUTE);

const confirmed = (overrides: Partial<RemoteSession> = {}): RemoteSession =>
  makeRemoteSession({ status: 'confirmed', confirmedSlot: booked, confirmedBy: 'customer', ...overrides });

/** The queue row of a ticket in investigation holding these sessions, as the local copy indexes it. */
const rowWith = (...sessions: RemoteSession[]): TicketSummary =>
  summarize(makeTicketInStage('investigation', { remoteSessions: sessions }), 0);

class MemoryStorage implements ReminderStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** A console as the reminders see it: its rows, its clock and its setting, and what it notified. */
function consoleAt(rows: TicketSummary[], now: Date, storage = new MemoryStorage(), minutesBefore = 10) {
  const notify = vi.fn(() => Promise.resolve());
  const options: SessionReminderOptions = {
    userId: ENGINEER.id,
    sessionsBetween: (from, to) =>
      Promise.resolve(rows.filter((row) => row.sessionStarts.some((s) => s >= from && s < to))),
    minutesBefore: () => Promise.resolve(minutesBefore),
    notify,
    storage,
    clock: () => now,
  };
  return { options, notify, storage };
}

describe('dueReminders', () => {
  const due = (rows: TicketSummary[], now: Date, minutesBefore = 10) =>
    dueReminders(rows, { now, minutesBefore, userId: ENGINEER.id, fired: new Set() });

  it('is silent before the reminder time and speaks from it until just after the start', () => {
    expect(due([rowWith(confirmed())], at(-11))).toEqual([]);
    expect(due([rowWith(confirmed())], at(-10))).toHaveLength(1);
    expect(due([rowWith(confirmed())], at(-8))[0]).toMatchObject({
      key: reminderKey(TICKET_ID, SESSION_ID, booked.start),
      title: `Remote session starts in 8 minutes: ${TICKET_NUMBER}`,
    });
    expect(due([rowWith(confirmed())], at(2))[0]?.title).toBe(`Remote session has started: ${TICKET_NUMBER}`);
    expect(due([rowWith(confirmed())], at(5))).toEqual([]);
  });

  it('leaves proposals, colleagues’ sessions and a reminder setting of 0 alone', () => {
    expect(due([rowWith(makeRemoteSession())], at(-5))).toEqual([]);
    expect(due([rowWith(confirmed({ engineer: COLLEAGUE }))], at(-5))).toEqual([]);
    expect(due([rowWith(confirmed())], at(-5), 0)).toEqual([]);
  });
});

describe('checkSessionReminders', () => {
  it('fires once, not again on the next check', async () => {
    const rows = [rowWith(confirmed())];
    const first = consoleAt(rows, at(-8));
    await checkSessionReminders(first.options);
    expect(first.notify).toHaveBeenCalledTimes(1);
    expect(first.notify).toHaveBeenCalledWith(
      expect.objectContaining({ title: `Remote session starts in 8 minutes: ${TICKET_NUMBER}` }),
    );
    const next = consoleAt(rows, at(-7), first.storage);
    await checkSessionReminders(next.options);
    expect(next.notify).not.toHaveBeenCalled();
  });

  it('does not fire again after a restart', async () => {
    const rows = [rowWith(confirmed())];
    const before = consoleAt(rows, at(-9));
    await checkSessionReminders(before.options);
    // A new console on the same machine: only the stored list is shared.
    const afterRestart = consoleAt(rows, at(-3), before.storage);
    await checkSessionReminders(afterRestart.options);
    expect(before.notify).toHaveBeenCalledTimes(1);
    expect(afterRestart.notify).not.toHaveBeenCalled();
  });

  it('fires again for a rescheduled time', async () => {
    const first = consoleAt([rowWith(confirmed())], at(-8));
    await checkSessionReminders(first.options);
    // Moved an hour later: the old session is rescheduled, its replacement booked at the new time.
    const later = {
      start: new Date(start + 60 * MINUTE).toISOString(),
      end: new Date(start + 120 * MINUTE).toISOString(),
    };
    const moved = confirmed({ id: '00000000-0000-4000-9000-000000000002', confirmedSlot: later, replaces: SESSION_ID });
    const rows = [rowWith(confirmed({ status: 'rescheduled', replacedBy: moved.id }), moved)];
    const atOldTime = consoleAt(rows, at(-3), first.storage);
    await checkSessionReminders(atOldTime.options);
    expect(atOldTime.notify).not.toHaveBeenCalled();
    const beforeNewTime = consoleAt(rows, at(52), first.storage);
    await checkSessionReminders(beforeNewTime.options);
    expect(beforeNewTime.notify).toHaveBeenCalledWith(
      expect.objectContaining({ title: `Remote session starts in 8 minutes: ${TICKET_NUMBER}` }),
    );
  });

  it('fires again when the same session is booked at another time', async () => {
    const first = consoleAt([rowWith(confirmed())], at(-8));
    await checkSessionReminders(first.options);
    const later = {
      start: new Date(start + 30 * MINUTE).toISOString(),
      end: new Date(start + 90 * MINUTE).toISOString(),
    };
    const rebooked = consoleAt([rowWith(confirmed({ confirmedSlot: later }))], at(25), first.storage);
    await checkSessionReminders(rebooked.options);
    expect(rebooked.notify).toHaveBeenCalledTimes(1);
  });

  it('does not fire for a cancelled session', async () => {
    const cancelled = consoleAt(
      [rowWith(confirmed({ status: 'cancelled', cancelReason: 'Fixed meanwhile.' }))],
      at(-8),
    );
    await checkSessionReminders(cancelled.options);
    expect(cancelled.notify).not.toHaveBeenCalled();
  });

  it('forgets fired reminders two days after their session', async () => {
    const first = consoleAt([rowWith(confirmed())], at(-8));
    await checkSessionReminders(first.options);
    const [key] = [...first.storage.items.keys()];
    expect(JSON.parse(first.storage.items.get(key!) ?? '[]')).toEqual([
      reminderKey(TICKET_ID, SESSION_ID, booked.start),
    ]);
    const muchLater = consoleAt([], at(3 * 24 * 60), first.storage);
    await checkSessionReminders(muchLater.options);
    expect(JSON.parse(first.storage.items.get(key!) ?? '[]')).toEqual([]);
  });

  it('treats a damaged list of fired reminders as empty', async () => {
    const storage = new MemoryStorage();
    storage.setItem(`css-console:session-reminders:${ENGINEER.id}`, '{not json');
    const damaged = consoleAt([rowWith(confirmed())], at(-8), storage);
    await checkSessionReminders(damaged.options);
    expect(damaged.notify).toHaveBeenCalledTimes(1);
  });
});

describe('startSessionReminders', () => {
  it('checks at once, and pokes during a check make one more check, not one each', async () => {
    const reads: (() => void)[] = [];
    const { options } = consoleAt([], at(-8));
    options.sessionsBetween = () => new Promise((resolve) => reads.push(() => resolve([])));
    const reminders = startSessionReminders(options, 60 * MINUTE);
    await vi.waitFor(() => expect(reads).toHaveLength(1));
    reminders.poke();
    reminders.poke();
    reminders.poke();
    reads[0]?.();
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    reminders.stop();
    reads[1]?.();
    reminders.poke();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toHaveLength(2);
  });
});
