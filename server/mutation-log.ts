/** The mutations the portal has applied or refused, by id: a mutation delivered again gets its first result. */
import { z } from 'zod';
import { MutationResult } from '../shared/api/sync';
import type { SqlSession } from './storage/sql';

/** The first result of a pushed mutation, who pushed it, and what it was. */
export interface MutationRecord {
  userId: string;
  name: string;
  /** The hash of the mutation's payload (see mutationHash); null for mutations recorded before hashes were. */
  payloadHash: string | null;
  result: MutationResult;
}

const SQL = {
  mutationById: 'SELECT user_id, name, payload_hash, result FROM applied_mutations WHERE id = ?',
  recordMutation: `INSERT INTO applied_mutations (id, user_id, client_id, ticket_id, name, payload_hash, result, received_at)
    VALUES (@id, @userId, @clientId, @ticketId, @name, @payloadHash, @result, @receivedAt)`,
} as const;

const MutationRow = z.object({
  user_id: z.string(),
  name: z.string(),
  payload_hash: z.string().nullable(),
  result: z.string(),
});

/** The log's queries on a session of the portal's database (see PortalDatabase.mutations). */
export class MutationLog {
  constructor(private readonly sql: SqlSession) {}

  async find(id: string): Promise<MutationRecord | null> {
    const row = await this.sql.get(SQL.mutationById, [id]);
    if (row === undefined) return null;
    const { user_id, name, payload_hash, result } = MutationRow.parse(row);
    return { userId: user_id, name, payloadHash: payload_hash, result: MutationResult.parse(JSON.parse(result)) };
  }

  record(record: {
    userId: string;
    clientId: string;
    ticketId: string | null;
    name: string;
    payloadHash: string;
    result: MutationResult;
    receivedAt: string;
  }): Promise<void> {
    const { result, ...columns } = record;
    return this.sql.run(SQL.recordMutation, { ...columns, id: result.id, result: JSON.stringify(result) });
  }
}
