/** The lead API's queries: a team's escalated tickets and its follow-up cadence. */
import { z } from 'zod';
import { DEFAULT_CADENCE, FollowUpCadence } from '../shared/domain/cadence';
import type { Ticket } from '../shared/domain/ticket';
import type { PortalDatabase } from './db';

const SQL = {
  // Served by the tickets_by_team_stage index; the caller orders the rows by urgency.
  escalatedTicketIds: `SELECT id FROM tickets WHERE team_id = ? AND stage = 'escalated'`,
  cadence: `SELECT critical_hours AS critical, moderate_hours AS moderate, minimal_hours AS minimal,
      microsoft_silent_after_hours AS "microsoftSilentAfterHours"
    FROM follow_up_cadences WHERE team_id = ?`,
  saveCadence: `INSERT INTO follow_up_cadences
      (team_id, critical_hours, moderate_hours, minimal_hours, microsoft_silent_after_hours, updated_at, updated_by)
      VALUES (@teamId, @critical, @moderate, @minimal, @microsoftSilentAfterHours, @updatedAt, @updatedBy)
    ON CONFLICT (team_id) DO UPDATE SET
      critical_hours = excluded.critical_hours, moderate_hours = excluded.moderate_hours,
      minimal_hours = excluded.minimal_hours, microsoft_silent_after_hours = excluded.microsoft_silent_after_hours,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
} as const;

const TicketIdRow = z.object({ id: z.string() });

export class LeadStore {
  constructor(private readonly db: PortalDatabase) {}

  /**
   * The team's tickets in the escalated stage. Each is read back through findTicket, so it is parsed
   * like every stored ticket; a team has a few dozen escalations at most, so one lookup each is cheap.
   */
  async escalatedTickets(teamId: string): Promise<Ticket[]> {
    const rows = await this.db.sql.all(SQL.escalatedTicketIds, [teamId]);
    const tickets: Ticket[] = [];
    for (const row of rows) {
      const ticket = await this.db.findTicket(TicketIdRow.parse(row).id);
      if (ticket !== null) tickets.push(ticket);
    }
    return tickets;
  }

  /** The team's cadence, or the default until its lead sets one. */
  async cadence(teamId: string): Promise<FollowUpCadence> {
    const row = await this.db.sql.get(SQL.cadence, [teamId]);
    return row === undefined ? DEFAULT_CADENCE : FollowUpCadence.parse(row);
  }

  saveCadence(teamId: string, cadence: FollowUpCadence, updatedBy: string, updatedAt: string): Promise<void> {
    return this.db.sql.run(SQL.saveCadence, { teamId, ...FollowUpCadence.parse(cadence), updatedBy, updatedAt });
  }
}
