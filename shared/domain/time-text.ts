/**
 * Instants written for the person reading them: in their locale (the runtime's, which in the console is
 * the user's) and their time zone, or a zone given where another's wall clock matters (the customer's).
 * One format per kind of text, so every screen writes the same instant the same way. Texts that are
 * stored or sent (timeline events, customer messages) keep their fixed formats instead: see slotInZone.
 */
type At = string | number | Date;

/** Building an Intl.DateTimeFormat costs far more than using one: each is built once per options. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let found = formatters.get(key);
  if (found === undefined) {
    found = new Intl.DateTimeFormat(undefined, options);
    formatters.set(key, found);
  }
  return found;
}

const write = (options: Intl.DateTimeFormatOptions, at: At): string => formatter(options).format(new Date(at));

/** "1 Dec 2026, 10:47" (en-GB), "Dec 1, 2026, 10:47 AM" (en-US): an instant on any screen. */
export const dateTimeText = (at: At, timeZone?: string): string =>
  write({ dateStyle: 'medium', timeStyle: 'short', timeZone }, at);

/** "10:47": a time on a day the reader already knows. */
export const timeText = (at: At, timeZone?: string): string => write({ timeStyle: 'short', timeZone }, at);

/** "10:47:05": a time to the second (when the console last synced). */
export const secondText = (at: At): string => write({ timeStyle: 'medium' }, at);

/** "Thu 3 Dec, 10:00": an instant in the coming days. */
export const weekdayTimeText = (at: At): string =>
  write({ weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }, at);

/** "Thursday 3 December": a day, as a heading. */
export const dayText = (at: At): string => write({ weekday: 'long', day: 'numeric', month: 'long' }, at);

/** "Thu 3 Dec": a day in a sentence. */
export const shortDayText = (at: At): string => write({ weekday: 'short', day: 'numeric', month: 'short' }, at);

/** An ISO-8601 UTC instant inside a sentence (the shared rules write their refusals with them). */
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b/g;

/**
 * The sentence with each ISO instant in it written for the reader: the rules' refusals name instants
 * exactly ("opened (2026-03-10T09:00:00Z) before the ticket was received"), people read their own clock.
 */
export const instantsInText = (text: string): string => text.replace(ISO_INSTANT, (instant) => dateTimeText(instant));
