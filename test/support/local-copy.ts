/** Reading the whole local copy's queue rows, as the console does in the background, for assertions. */
import type { LocalStore } from '../../renderer/data/local-store';
import type { RowPlace } from '../../renderer/data/row-chunk';
import type { TicketSummary } from '../../renderer/data/summary';

export async function allSummaries(store: LocalStore): Promise<TicketSummary[]> {
  const rows: TicketSummary[] = [];
  let after: RowPlace | null = null;
  do {
    const chunk = await store.summaryChunk(after, 2);
    rows.push(...chunk.summaries);
    after = chunk.next;
  } while (after !== null);
  return rows;
}
