/** What the sync engine needs from the portal: the team, a page of changes, and a push. ApiClient is the real one. */
import type { Cursor, PushRequest, PushResponse } from '../../shared/api';
import type { TeamContext } from '../../shared/domain';
import type { PulledTickets } from './pulled-page';

/** Every method resolves with a parsed body or rejects with an ApiError (see api-client.ts). */
export interface SyncApi {
  team(): Promise<TeamContext>;
  /** `history`: the one the cursor came with (see HistoryId), null with cursor 0. */
  pull(cursor: Cursor, limit: number, history: string | null): Promise<PulledTickets>;
  push(request: PushRequest): Promise<PushResponse>;
}
