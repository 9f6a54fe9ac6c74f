/** What the sync engine needs from the portal: the team, a page of changes, and a push. ApiClient is the real one. */
import type { Cursor, PushRequest, PushResponse } from '../../shared/api';
import type { TeamContext } from '../../shared/domain';
import type { PulledTickets } from './pulled-page';
import type { PullPosition } from './pull-position';

/** Every method resolves with a parsed body or rejects with an ApiError (see api-client.ts). */
export interface SyncApi {
  team(): Promise<TeamContext>;
  /**
   * `history`: the one the cursor came with (see HistoryId), null with cursor 0; `latest`: the latest
   * acknowledged change of each history the cursor does not cover, which the server must still have
   * (see PullQuery.latest).
   */
  pull(cursor: Cursor, limit: number, history: string | null, latest?: PullPosition['latest']): Promise<PulledTickets>;
  push(request: PushRequest): Promise<PushResponse>;
}
