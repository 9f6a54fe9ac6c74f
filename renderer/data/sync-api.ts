/** What the sync engine needs from the portal: the team, a page of changes, and a push. ApiClient is the real one. */
import type { Cursor, PullResponse, PushRequest, PushResponse } from '../../shared/api';
import type { TeamContext } from '../../shared/domain';

/** Every method resolves with a parsed body or rejects with an ApiError (see api-client.ts). */
export interface SyncApi {
  team(): Promise<TeamContext>;
  pull(cursor: Cursor, limit: number): Promise<PullResponse>;
  push(request: PushRequest): Promise<PushResponse>;
}
