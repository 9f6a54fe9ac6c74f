/**
 * Desktop reminders before the engineer's confirmed remote sessions: each session time once, remembered
 * across restarts. The key names the ticket, the session and its start, so a rescheduled or re-confirmed time is
 * announced again, while a reload or a second tick cannot repeat the same one.
 */
import { formatDistanceStrict } from 'date-fns';
import { z } from 'zod';
import type { NotifyRequest } from '../../shared/bridge';
import type { Clock } from '../../shared/domain/time';
import type { TicketSummary } from './summary';
import { timeText } from '../../shared/domain';

const MINUTE = 60_000;
/** A reminder still comes when the console opens just after the start, not once the session is well under way. */
export const LATE_REMINDER_MINUTES = 5;
/** Fired keys are kept this long after their session's start, then forgotten. */
const KEEP_FIRED_MS = 2 * 24 * 60 * MINUTE;

export interface SessionReminder {
  key: string;
  ticketId: string;
  title: string;
  body: string;
}

/** Session ids are unique on their ticket only, so the key names the ticket too. */
export const reminderKey = (ticketId: string, sessionId: string, start: string): string =>
  `${ticketId}/${sessionId}@${start}`;

/**
 * The reminders due at `now`: the user's confirmed sessions starting within `minutesBefore` minutes
 * (or which started less than LATE_REMINDER_MINUTES ago) whose key has not been fired. Proposals are
 * tentative and cancelled, completed or moved sessions are no longer in the rows' sessions: neither is announced.
 */
export function dueReminders(
  rows: readonly TicketSummary[],
  {
    now,
    minutesBefore,
    userId,
    fired,
  }: { now: Date; minutesBefore: number; userId: string; fired: ReadonlySet<string> },
): SessionReminder[] {
  if (minutesBefore <= 0) return [];
  const at = now.getTime();
  return rows.flatMap((row) =>
    row.sessions.flatMap((session) => {
      const start = Date.parse(session.start);
      const key = reminderKey(row.id, session.sessionId, session.start);
      const due = start - minutesBefore * MINUTE <= at && at < start + LATE_REMINDER_MINUTES * MINUTE;
      if (session.status !== 'confirmed' || session.engineerId !== userId || !due || fired.has(key)) return [];
      const when = start > at ? `starts in ${formatDistanceStrict(start, at)}` : 'has started';
      return [
        {
          key,
          ticketId: row.id,
          title: `Remote session ${when}: ${row.number}`,
          body: `${timeText(start)}–${timeText(session.end)} with ${row.customerName ?? 'the customer'}: ${row.title}`.slice(
            0,
            500,
          ),
        },
      ];
    }),
  );
}

/** Where fired keys are remembered: the browser's localStorage, or a stand-in in tests. */
export type ReminderStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface SessionReminderOptions {
  userId: string;
  /** The rows with a session starting in [from, to), from the local copy's sessions index. */
  sessionsBetween(from: string, to: string): Promise<TicketSummary[]>;
  /** Read at every check, so a change in the settings applies at once. */
  minutesBefore(): Promise<number>;
  notify(request: NotifyRequest): Promise<unknown>;
  storage: ReminderStorage;
  clock: Clock;
}

const FiredKeys = z.array(z.string()).catch([]);

/** The start time a fired key names, to forget it once the session is long past. */
const startOfKey = (key: string): number => Date.parse(key.slice(key.indexOf('@') + 1));

/** Checks once; fires what is due and remembers it before the next check can see it again. */
export async function checkSessionReminders(options: SessionReminderOptions): Promise<SessionReminder[]> {
  const { userId, storage, clock } = options;
  const storageKey = `css-console:session-reminders:${userId}`;
  const minutesBefore = await options.minutesBefore();
  const now = clock();
  let stored: unknown = [];
  try {
    stored = JSON.parse(storage.getItem(storageKey) ?? '[]');
  } catch {
    // A damaged list counts as empty: at worst a reminder comes twice.
  }
  const fired = new Set(FiredKeys.parse(stored));
  let due: SessionReminder[] = [];
  if (minutesBefore > 0) {
    const from = new Date(now.getTime() - LATE_REMINDER_MINUTES * MINUTE).toISOString();
    const to = new Date(now.getTime() + minutesBefore * MINUTE + 1).toISOString();
    due = dueReminders(await options.sessionsBetween(from, to), { now, minutesBefore, userId, fired });
  }
  for (const reminder of due) fired.add(reminder.key);
  const kept = [...fired].filter((key) => !(startOfKey(key) < now.getTime() - KEEP_FIRED_MS));
  // Remembered before the notifications go out: a crash in between loses a reminder rather than repeating it.
  storage.setItem(storageKey, JSON.stringify(kept));
  for (const reminder of due) {
    await options.notify({ title: reminder.title.slice(0, 120), body: reminder.body, tag: reminder.key });
  }
  return due;
}

/**
 * Checks now, every `everyMs` and whenever `poke` is called (a session confirmed a minute before its
 * reminder); pokes while a check runs make one more check after it, not one each.
 */
export function startSessionReminders(
  options: SessionReminderOptions,
  everyMs = 30_000,
): { poke: () => void; stop: () => void } {
  let running = false;
  let again = false;
  let stopped = false;
  const poke = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void checkSessionReminders(options)
      .catch((error: unknown) => console.warn(`session reminders: ${String(error)}`))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          poke();
        }
      });
  };
  poke();
  const timer = setInterval(poke, everyMs);
  return {
    poke,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
