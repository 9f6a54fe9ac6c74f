/**
 * Session times as the engineer enters and reads them: typed in their own zone (the machine's), shown
 * beside the customer's, checked against the customer's working hours and the arguments' rules.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, format, getISODay, isSameDay } from 'date-fns';
import {
  ProposedSlotsArg,
  WORKING_HOURS,
  slotInZone,
  withinWorkingHours,
  type SessionSlot,
} from '../../../shared/domain/remote-session';
import { LOCAL_MINUTE } from '../../ui/local-time';
import { timeText, weekdayTimeText } from '../../../shared/domain';

/** The engineer's zone: the one their machine's clock, and every other time in the console, is in. */
export const engineerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const inYourZone = (slot: SessionSlot): string => slotInZone(slot, engineerZone());

/** What the engineer has typed for one time: its start in their zone (a datetime-local value) and its length. */
export interface SlotDraft {
  start: string;
  minutes: number;
}

export const SESSION_LENGTHS = [15, 30, 45, 60, 90, 120, 180, 240] as const;
export const lengthLabel = (minutes: number): string =>
  minutes < 60
    ? `${minutes} minutes`
    : minutes % 60 === 0
      ? `${minutes / 60} h`
      : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;

/** The slot a draft stands for, in UTC; null while its start is empty or not a time. */
export function slotOf(draft: SlotDraft): SessionSlot | null {
  // A datetime-local value without a zone is read in the machine's zone, as the engineer typed it.
  const start = new Date(draft.start);
  if (draft.start === '' || Number.isNaN(start.getTime())) return null;
  return { start: start.toISOString(), end: new Date(start.getTime() + draft.minutes * 60_000).toISOString() };
}

/**
 * A first time to offer: the next weekday (from tomorrow) at 10:00 for the customer, so the default
 * never lands in their night; the engineer sees and edits it in their own zone.
 */
export function suggestedStart(now: Date, customerZone: string, after: string | null = null): string {
  const base =
    after === null ? new TZDate(now.getTime(), customerZone) : new TZDate(new Date(after).getTime(), customerZone);
  let day = addDays(base, 1);
  while (getISODay(day) > 5) day = addDays(day, 1);
  const hour = after === null ? 10 : base.getHours();
  const minute = after === null ? 0 : base.getMinutes();
  const start = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, minute, customerZone);
  return format(new Date(start.getTime()), LOCAL_MINUTE);
}

/** What the dialog says about one time: its rule problem in words, and how it falls for the customer. */
export interface SlotCheck {
  slot: SessionSlot | null;
  problem: string | null;
  /** The time as the customer reads it, in their zone. */
  customerTime: string | null;
  outsideWorkingHours: boolean;
}

export const WORKING_HOURS_TEXT = `Monday to Friday, ${String(WORKING_HOURS.startHour).padStart(2, '0')}:00–${WORKING_HOURS.endHour}:00`;

/** Each draft checked with the proposal's own rules (ProposedSlotsArg), plus "already passed" and working hours. */
export function checkSlots(drafts: readonly SlotDraft[], customerZone: string, now: Date): SlotCheck[] {
  const slots = drafts.map(slotOf);
  const complete = slots.flatMap((slot) => (slot === null ? [] : [slot]));
  const issues = complete.length === slots.length ? (ProposedSlotsArg.safeParse(complete).error?.issues ?? []) : [];
  return slots.map((slot, index) => {
    if (slot === null) {
      return { slot, problem: 'choose the date and the start time', customerTime: null, outsideWorkingHours: false };
    }
    const issue = issues.find((candidate) => candidate.path[0] === index);
    const past = Date.parse(slot.start) <= now.getTime() ? 'this time has already passed: choose a time ahead' : null;
    return {
      slot,
      problem: issue?.message ?? past,
      customerTime: slotInZone(slot, customerZone),
      outsideWorkingHours: !withinWorkingHours(slot, customerZone),
    };
  });
}

/** "14:00", "Tomorrow 09:30", "Thu 3 Dec 10:00": as near as the session is. */
export function whenText(start: Date, now: Date): string {
  if (isSameDay(start, now)) return timeText(start);
  if (isSameDay(start, addDays(now, 1))) return `Tomorrow ${timeText(start)}`;
  return weekdayTimeText(start);
}
