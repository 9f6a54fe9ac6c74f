/**
 * What the desktop shell offers the renderer, and nothing more: capabilities, not data access.
 * Every payload crossing IPC is parsed with these schemas in main; replies are IpcResult values,
 * never exceptions thrown across the process boundary.
 */
import { z } from 'zod';
import { DEFAULT_SERVER_URL, LoginResponse } from './api';
import { Severity } from './domain/escalation';
import { UserId } from './domain/people';

export { BridgeChannel, type BridgeChannelName } from './bridge-channel';

/** A host name, an IPv4 address or a bracketed IPv6 address: nothing a security policy would read as syntax. */
const PLAIN_HOST = /^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;

/** Plain http to this computer itself, which never crosses a network. */
const LOOPBACK_HTTP = /^http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?\/?$/i;

/** The http(s) origin the console syncs with, e.g. http://127.0.0.1:4317: no path, query or credentials. */
export const ServerUrl = z
  .url({
    protocol: /^https?$/,
    hostname: PLAIN_HOST,
    message: 'the server URL must start with http:// or https://',
    abort: true,
  })
  .max(2000)
  .regex(/^https?:\/\/[^/?#@]+\/?$/, {
    message: 'the server URL must be just the server address, without a path, such as http://127.0.0.1:4317',
  })
  .refine((url) => /^https:\/\//i.test(url) || LOOPBACK_HTTP.test(url), {
    message:
      'a server on another computer must be reached with https://, which encrypts your password and the tickets on the way (http:// is only for a server on this computer)',
  });

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** A reply the engineer keeps at hand and inserts into a customer reply. */
export const CannedReply = z.object({
  id: z.string().min(1).max(64),
  title: z.string().trim().min(1, { message: 'give the reply a title' }).max(80),
  body: z.string().trim().min(1, { message: 'the reply is empty' }).max(4000),
});
export type CannedReply = z.infer<typeof CannedReply>;

export const DEFAULT_CANNED_REPLIES: CannedReply[] = [
  {
    id: 'logs',
    title: 'Ask for logs',
    body: 'Dear {contact},\n\nTo look into {ticket} further, could you send us the exact error message, the time it last happened (with time zone) and, if possible, a screenshot?\n\nKind regards,\n{engineer}',
  },
  {
    id: 'remote-session',
    title: 'Offer a remote session',
    body: 'It would help to look at this together. Could you propose two or three time slots for a 30-minute remote session in the coming days?',
  },
  {
    id: 'microsoft',
    title: 'Raised with Microsoft',
    body: 'We have raised this with Microsoft support and will stay your point of contact. We will update you as soon as Microsoft responds.',
  },
  {
    id: 'still-there',
    title: 'Still affected?',
    body: 'Could you let us know whether the issue is still happening on your side?',
  },
];

/** A column of the lead's escalations list the rows can be sorted by. */
export const LeadSortColumn = z.enum([
  'number',
  'customer',
  'caseNumber',
  'severity',
  'age',
  'lastMicrosoftContact',
  'nextFollowUpDue',
  'overdue',
  'silent',
  'engineer',
]);
export type LeadSortColumn = z.infer<typeof LeadSortColumn>;

/** How the lead has arranged the escalations list: sort, filters and grouping. */
export const LeadLayout = z.object({
  sort: z.object({ column: LeadSortColumn, direction: z.enum(['ascending', 'descending']) }),
  filters: z.object({
    severities: z.array(Severity).max(3),
    /** Engineer user ids; "" stands for unassigned. */
    engineers: z.array(z.union([UserId, z.literal('')])).max(200),
    overdueOnly: z.boolean(),
    silentOnly: z.boolean(),
    /** Matched against customer, Microsoft case number and ticket number. */
    text: z.string().max(200),
  }),
  groupBy: z.enum(['none', 'engineer', 'severity']),
});
export type LeadLayout = z.infer<typeof LeadLayout>;

/** Most urgent first, as the server lists them, with nothing filtered out or grouped. */
export const DEFAULT_LEAD_LAYOUT: LeadLayout = {
  sort: { column: 'nextFollowUpDue', direction: 'ascending' },
  filters: { severities: [], engineers: [], overdueOnly: false, silentOnly: false, text: '' },
  groupBy: 'none',
};

/** A layout the lead named, to come back to in one click. */
export const SavedLeadView = LeadLayout.extend({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, { message: 'give the view a name' }).max(60),
});
export type SavedLeadView = z.infer<typeof SavedLeadView>;

/** A remote session's reminder comes this many minutes before it starts unless the engineer chooses otherwise. */
export const DEFAULT_SESSION_REMINDER_MINUTES = 10;

/** The queue's share of the window beside the ticket: the ticket, where the work happens, gets the wider part. */
export const DEFAULT_QUEUE_WIDTH_PERCENT = 40;
export const MIN_QUEUE_WIDTH_PERCENT = 20;
export const MAX_QUEUE_WIDTH_PERCENT = 70;

// The fields without their defaults: a patch must leave an absent key alone, and zod would fill a
// defaulted key into every partial patch, resetting the canned replies and views on any change.
const settingsFields = {
  serverUrl: ServerUrl,
  theme: Theme,
  /** The e-mail of the last sign-in, offered again on the login screen. */
  lastEmail: z.string().max(320),
  cannedReplies: z.array(CannedReply).max(100),
  leadViews: z.array(SavedLeadView).max(50),
  /** How many minutes before a confirmed remote session its reminder pops up; 0 turns reminders off. */
  sessionReminderMinutes: z
    .number()
    .int()
    .min(0, { message: 'the reminder cannot come after the session starts' })
    .max(24 * 60, { message: 'a reminder comes at most a day (1,440 minutes) before the session' }),
  /** How much of the window's width the queue takes beside the open ticket, as the engineer last dragged it. */
  queueWidthPercent: z
    .number()
    .min(MIN_QUEUE_WIDTH_PERCENT, {
      message: `the queue takes at least ${MIN_QUEUE_WIDTH_PERCENT} % of the window, so its tickets stay readable`,
    })
    .max(MAX_QUEUE_WIDTH_PERCENT, {
      message: `the queue takes at most ${MAX_QUEUE_WIDTH_PERCENT} % of the window, so the open ticket stays readable`,
    }),
};

export const Settings = z.object({
  ...settingsFields,
  /** Added after the first release: stored settings without them get the defaults. */
  cannedReplies: settingsFields.cannedReplies.default(DEFAULT_CANNED_REPLIES),
  leadViews: settingsFields.leadViews.default([]),
  sessionReminderMinutes: settingsFields.sessionReminderMinutes.default(DEFAULT_SESSION_REMINDER_MINUTES),
  queueWidthPercent: settingsFields.queueWidthPercent.default(DEFAULT_QUEUE_WIDTH_PERCENT),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  serverUrl: DEFAULT_SERVER_URL,
  theme: 'system',
  lastEmail: '',
  cannedReplies: DEFAULT_CANNED_REPLIES,
  leadViews: [],
  sessionReminderMinutes: DEFAULT_SESSION_REMINDER_MINUTES,
  queueWidthPercent: DEFAULT_QUEUE_WIDTH_PERCENT,
};

/** A partial update; unknown keys are refused so a typo is an error, not a silent no-op. */
export const SettingsPatch = z.object(settingsFields).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' inside the desktop shell, 'web' in a plain browser. */
  host: z.enum(['electron', 'web']),
  /** The server is set by the IT department's policy (ItPolicy): the sign-in screen shows it, unchangeable. */
  serverUrlSetByIt: z.boolean(),
});

/**
 * What an IT department sets for every desktop in a machine-wide policy file (electron/main/policy.ts):
 * the server, and the update feed or no self-updates at all (where a deployment tool updates the app).
 */
export const ItPolicy = z.strictObject({
  serverUrl: ServerUrl.optional(),
  updateUrl: z.url({ protocol: /^https$/, message: 'the update feed must be an https:// address' }).optional(),
  updates: z.boolean().optional(),
});
export type ItPolicy = z.infer<typeof ItPolicy>;
export type AppInfo = z.infer<typeof AppInfo>;

/** The file types the shell saves: CSV exports now, calendar invites next. */
export const SAVE_FILE_EXTENSIONS = ['csv', 'ics'] as const;
/** 20 MB, counted in UTF-8 bytes as written to disk. */
export const MAX_SAVE_FILE_BYTES = 20 * 1024 * 1024;

/** The UTF-8 size of a string, without DOM or Node APIs (shared/ has neither). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Each half of a surrogate pair counts 2: the pair is one 4-byte character.
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

const tooLarge = 'the file is larger than 20 MB; export fewer rows';

export const SaveFileRequest = z
  .object({
    /** Offered in the save dialog: a plain name, never a path, so the person alone chooses the folder. */
    suggestedName: z
      .string()
      .min(1, { message: 'the file name is empty', abort: true })
      .max(200, { message: 'the file name must be at most 200 characters' })
      .regex(/^[^/\\:*?"<>|\p{Cc}]+$/u, {
        message:
          'the file name must be a plain name such as escalations.csv, without folders or the characters \\ / : * ? " < > |',
        abort: true,
      })
      .regex(/^[^.]/, { message: 'the file name must not start with a dot' })
      .regex(new RegExp(`\\.(${SAVE_FILE_EXTENSIONS.join('|')})$`, 'i'), {
        message: `the file name must end in ${SAVE_FILE_EXTENSIONS.map((extension) => `.${extension}`).join(' or ')}`,
      }),
    // The length check first, so an oversized string is refused before its bytes are counted.
    content: z
      .string()
      .max(MAX_SAVE_FILE_BYTES, { message: tooLarge, abort: true })
      .refine((text) => utf8Length(text) <= MAX_SAVE_FILE_BYTES, { message: tooLarge }),
  })
  .strict();
export type SaveFileRequest = z.infer<typeof SaveFileRequest>;

/** path: where the file was written; null when the host does not say (a browser download). */
export interface SaveFileResult {
  saved: boolean;
  path: string | null;
}

export const NotifyRequest = z
  .object({
    title: z
      .string()
      .min(1, { message: 'the title is empty' })
      .max(120, { message: 'the title must be at most 120 characters' }),
    body: z.string().max(500, { message: 'the text must be at most 500 characters' }),
    /** A later notification with the same tag replaces the earlier one instead of piling up. */
    tag: z
      .string()
      .min(1, { message: 'the tag is empty' })
      .max(200, { message: 'the tag must be at most 200 characters' }),
    /** The ticket a click on the notification opens. */
    ticketId: z.uuid({ message: 'the ticket id must be a UUID' }).optional(),
  })
  .strict();
export type NotifyRequest = z.infer<typeof NotifyRequest>;

const count = z
  .number()
  .int({ message: 'a count is a whole number' })
  .min(0, { message: 'a count cannot be negative' })
  .max(1_000_000, { message: 'a count is at most 1,000,000' });

/** What the tray shows: the engineer's counts that matter, computed by the renderer from its local copy. */
export const DesktopStatus = z
  .object({
    openTickets: count,
    overdueFollowUps: count,
    /** The next confirmed remote session, worded by the renderer in the engineer's zone ("Tue 14:30 · CSS-104233"). */
    nextSession: z
      .object({
        ticketId: z.uuid({ message: 'the ticket id must be a UUID' }),
        label: z
          .string()
          .min(1, { message: 'the label is empty' })
          .max(120, { message: 'the label must be at most 120 characters' }),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type DesktopStatus = z.infer<typeof DesktopStatus>;

/** Nothing to show: signed out, or the console has not reported yet. */
export const NO_DESKTOP_STATUS: DesktopStatus = { openTickets: 0, overdueFollowUps: 0, nextSession: null };

/** The bearer token of the signed-in session, as the server's login answers it, with a bound for IPC. */
export const SessionToken = LoginResponse.shape.token.max(4096, {
  message: 'the token must be at most 4,096 characters',
});
export type SessionToken = z.infer<typeof SessionToken>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The renderer's view of the shell, exposed as `window.bridge` by the preload script. */
export interface Bridge {
  appInfo(): Promise<IpcResult<AppInfo>>;
  getSettings(): Promise<IpcResult<Settings>>;
  setSettings(patch: SettingsPatch): Promise<IpcResult<Settings>>;
  /** Asks the person where to save `content`; saved is false when they cancel. */
  saveFile(request: SaveFileRequest): Promise<IpcResult<SaveFileResult>>;
  /** A desktop notification; shown is false where notifications are unsupported or refused. */
  notify(request: NotifyRequest): Promise<IpcResult<{ shown: boolean }>>;
  /** The stored sign-in token, or null when there is none. */
  readToken(): Promise<IpcResult<SessionToken | null>>;
  /** Keeps the token where the host keeps secrets (the OS keychain via safeStorage in the shell). */
  storeToken(token: SessionToken): Promise<IpcResult<null>>;
  clearToken(): Promise<IpcResult<null>>;
  /** Shows the counts in the tray; a browser has no tray and ignores them. */
  setDesktopStatus(status: DesktopStatus): Promise<IpcResult<null>>;
  /** Calls `listener` when the person asks for a ticket from outside the page (a notification, the tray); returns the unsubscribe. */
  onOpenTicket(listener: (ticketId: string) => void): () => void;
}
