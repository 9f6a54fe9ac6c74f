import { z } from 'zod';
import { platform } from '../platform';
import { dueFollowUps, followUpAlert } from './follow-up-alerts';
import type { LocalStore } from './local-store';
import type { Session } from './session-storage';
import { queueSelectors, useQueueStore } from './stores/queue-store';

/**
 * Desktop notifications (through the shell, or the browser's) when a follow-up of the user's falls
 * due; each due time once, remembered across reloads. Judged from the queue's rows once they are all
 * read, then every minute; only the tickets to announce are read.
 */
export function announceDueFollowUps(store: LocalStore, session: Session): () => void {
  const key = `css-console:announced-follow-ups:${session.user.id}`;
  const check = async () => {
    const queue = useQueueStore.getState();
    const escalations = queueSelectors.myEscalations(queue);
    if (escalations === null) return;
    const announced = new Set<string>(
      z
        .array(z.string())
        .catch([])
        .parse(JSON.parse(localStorage.getItem(key) ?? '[]')),
    );
    const due = dueFollowUps(escalations, queue.cadence, new Date(), announced);
    const tickets = new Map((await store.ticketsAsSeen(due.map((d) => d.ticketId))).map((t) => [t.id, t]));
    for (const followUp of due) {
      const ticket = tickets.get(followUp.ticketId);
      if (ticket === undefined) continue;
      const alert = followUpAlert(followUp, ticket);
      await platform.notify({ title: alert.title, body: alert.body, tag: alert.key, ticketId: alert.ticketId });
      announced.add(alert.key);
    }
    // Only keys of open escalations are worth keeping.
    const current = new Set(escalations.map((row) => row.id));
    localStorage.setItem(key, JSON.stringify([...announced].filter((k) => current.has(k.split('@')[0] ?? ''))));
  };
  const run = () => void check().catch((error: unknown) => console.warn(`follow-up alerts: ${String(error)}`));
  // The first check as soon as every row is read (at once if they already are), then each minute.
  const unsubscribe = useQueueStore.subscribe((state, previous) => {
    if (state.phase === 'complete' && previous.phase !== 'complete') run();
  });
  run();
  const timer = setInterval(run, 60_000);
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
