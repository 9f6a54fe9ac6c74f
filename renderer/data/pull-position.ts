/** Where the next pull starts, as the local copy records it: its cursor, and the changes the server must still have. */
import { Dexie } from 'dexie';
import { type Acknowledged, type Cursor, LATEST_MAX } from '../../shared/api';
import type { LocalDb } from './local-db';
import { OutboxEntry } from './outbox-entry';

export interface PullPosition {
  cursor: Cursor;
  history: string | null;
  /**
   * The acknowledged changes the server must still have: the latest of each history they came in, but
   * those at or before the cursor in the cursor's own history (its pull vouches for them).
   */
  latest: readonly Acknowledged[];
  /** The server lost changes, and the console is pulling everything again (see LocalStore.startOver). */
  resetting: boolean;
}

/** The cursor, the server's history it belongs to, and whether everything is being pulled again. */
export async function pullPosition(db: LocalDb): Promise<PullPosition> {
  const [cursor, history, resetting] = await db.meta.bulkGet(['cursor', 'history', 'resetting']);
  const position = cursor?.key === 'cursor' ? cursor.value : '0';
  const cursorHistory = history?.key === 'history' ? history.value : null;
  const vouched = (acknowledged: Acknowledged) =>
    acknowledged.seq <= Number(position) && (acknowledged.history === cursorHistory || acknowledged.history === null);
  const latest = (await latestAcknowledged(db)).filter((acknowledged) => !vouched(acknowledged));
  return {
    cursor: position,
    history: cursorHistory,
    latest: latest.slice(0, LATEST_MAX),
    resetting: resetting !== undefined,
  };
}

/**
 * The latest acknowledged change of each history, latest first (the index is read once per history:
 * a few reads, however many changes are kept); and the latest without a history, from a server that
 * predates them.
 */
async function latestAcknowledged(db: LocalDb): Promise<Acknowledged[]> {
  const byHistory = db.outbox.where('[appliedHistory+appliedSeq]');
  const found: Acknowledged[] = [];
  for (let next = await byHistory.above([Dexie.minKey, Dexie.minKey]).last(); next !== undefined;) {
    const entry = OutboxEntry.safeParse(next);
    if (!entry.success || entry.data.appliedHistory === null) break;
    const { appliedSeq, appliedHistory } = entry.data;
    found.push({ seq: appliedSeq ?? 0, history: appliedHistory });
    next = await byHistory.below([appliedHistory, Dexie.minKey]).last();
  }
  const last = OutboxEntry.safeParse(await db.outbox.orderBy('appliedSeq').last());
  if (last.success && last.data.appliedHistory === null && last.data.appliedSeq !== null) {
    found.push({ seq: last.data.appliedSeq, history: null });
  }
  return found.sort((a, b) => b.seq - a.seq);
}
