/**
 * Who hears that tickets changed: the change stream, told once a transaction commits, in this process
 * or in another one on the same database, and who held the tickets changed.
 */
import { z } from 'zod';
import { TicketHolder } from './scope';

/**
 * Hears that changes were committed, and who held the tickets changed before and after (null: not
 * known, so anyone may have): the change stream tells only the consoles whose scope that touches.
 */
export type ChangeListener = (holders: readonly TicketHolder[] | null) => void;

const AnnouncedHolders = z.array(TicketHolder);

/**
 * Who held the tickets another process announced changes to (see PortalDatabase.writeTicket); null when
 * it does not say, or says it in a way this process cannot read: then every console hears of it.
 */
export function holdersIn(announcement: string | null): TicketHolder[] | null {
  if (announcement === null) return null;
  try {
    const holders = AnnouncedHolders.safeParse(JSON.parse(announcement));
    return holders.success ? holders.data : null;
  } catch {
    return null;
  }
}

/** The listeners of one database, shared by all its sessions. A burst of changes is announced once. */
export class ChangeAnnouncer {
  private readonly listeners = new Set<ChangeListener>();
  /**
   * From a change until its announcement goes out, who held the tickets changed (keyed by team and
   * assignee), or "anyone" when a change did not say; null when nothing waits to be announced.
   */
  private announced: Map<string, TicketHolder> | 'anyone' | null = null;

  /** Calls `listener` after changes are committed; returns the unsubscribe. */
  listen(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Tells the listeners, on the next turn of the event loop, that changes were committed to tickets so
   * held (null: not known), with every holder of the changes announced meanwhile.
   */
  announce(holders: readonly TicketHolder[] | null): void {
    const waiting = this.announced !== null;
    if (holders === null) this.announced = 'anyone';
    else if (this.announced !== 'anyone') {
      this.announced ??= new Map();
      for (const holder of holders) this.announced.set(`${holder.teamId}\u0000${holder.assigneeId ?? ''}`, holder);
    }
    if (waiting) return;
    setImmediate(() => {
      const heard = this.announced === 'anyone' ? null : [...(this.announced?.values() ?? [])];
      this.announced = null;
      for (const listener of this.listeners) listener(heard);
    });
  }
}
