/** A ticket as the database holds it: JSON parsed against its schema when saved, sent on as stored. */
import { Ticket } from '../shared/domain/ticket';

/**
 * A stored ticket's change number and JSON, written only by `PortalDatabase.saveTicket`, which parses the
 * ticket first. A change to the Ticket schema that old records would fail needs a migration of the JSON.
 */
export interface StoredTicket {
  serverSeq: number;
  /** UTF-8 bytes: a pull sends them on without decoding them into a string and encoding them again. */
  json: Buffer;
}

/** A stored ticket read as one is parsed like any other input: a record that fails its schema is a bug, not data. */
export const parseStoredTicket = (json: string | Buffer): Ticket => Ticket.parse(JSON.parse(json.toString()));
