/**
 * Desktop notifications shown by main: one per tag at a time, none where the system offers no
 * notifications, and a click on one about a ticket opens that ticket.
 */
import type { NotificationConstructorOptions } from 'electron';
import type { NotifyRequest } from '../../shared/bridge';

/** The part of Electron's Notification used here. */
export interface ShellNotification {
  show(): void;
  close(): void;
  once(event: 'close', listener: () => void): unknown;
  on(event: 'click', listener: () => void): unknown;
}

export interface NotifierDependencies {
  /** Notification.isSupported(): false e.g. on a Linux desktop without a notification daemon. */
  isSupported: () => boolean;
  create: (options: Pick<NotificationConstructorOptions, 'title' | 'body'>) => ShellNotification;
  /** Brings the console forward on the ticket. */
  openTicket: (ticketId: string) => void;
}

export function createNotifier({ isSupported, create, openTicket }: NotifierDependencies) {
  // Electron has no tag: the last notification of each tag is kept, so a newer one replaces it
  // (as the browser's tag does) instead of stacking reminders about the same follow-up.
  const byTag = new Map<string, ShellNotification>();
  return ({ title, body, tag, ticketId }: NotifyRequest): { shown: boolean } => {
    if (!isSupported()) return { shown: false };
    byTag.get(tag)?.close();
    const notification = create({ title, body });
    byTag.set(tag, notification);
    notification.once('close', () => {
      if (byTag.get(tag) === notification) byTag.delete(tag);
    });
    if (ticketId !== undefined) notification.on('click', () => openTicket(ticketId));
    notification.show();
    return { shown: true };
  };
}
