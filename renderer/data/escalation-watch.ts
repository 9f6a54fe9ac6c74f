import type { Ticket } from '../../shared/domain';
import type { LocalStore } from './local-store';

/**
 * The lead's list: hands `onChange` the escalated tickets as the user sees them, now and after
 * every local change or sync that touches one (entering, leaving or changing within the stage).
 * Returns the function that stops watching.
 */
export function watchEscalations(
  store: LocalStore,
  onChange: (tickets: Ticket[]) => void,
  onError: (message: string) => void,
): () => void {
  const shown = new Map<string, Ticket>();
  let stopped = false;
  // Reads run one after another, so a later change is never overtaken by an earlier one's answer.
  let reads = Promise.resolve();
  const read = (work: () => Promise<void>) => {
    reads = reads
      .then(async () => {
        if (stopped) return;
        await work();
        if (!stopped) onChange([...shown.values()]);
      })
      .catch((error: unknown) => {
        if (!stopped) onError(error instanceof Error ? error.message : String(error));
      });
  };
  read(async () => {
    for (const ticket of await store.ticketsInStage('escalated')) shown.set(ticket.id, ticket);
  });
  // Only the changed tickets are read again: those shown, and those that entered the stage.
  const unsubscribe = store.subscribe(({ ticketIds, summaries }) => {
    const entering = summaries.filter((summary) => summary.stage === 'escalated').map((summary) => summary.id);
    const changed = [...new Set([...ticketIds.filter((id) => shown.has(id)), ...entering])];
    if (changed.length === 0) return;
    read(async () => {
      const tickets = await store.ticketsAsSeen(changed);
      for (const id of changed) shown.delete(id);
      for (const ticket of tickets) if (ticket.stage === 'escalated') shown.set(ticket.id, ticket);
    });
  });
  return () => {
    stopped = true; // a read still in flight is answered to no one
    unsubscribe();
  };
}
