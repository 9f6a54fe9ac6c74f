/** The lead API's queries: a team's escalated tickets and its follow-up cadence, each statement prepared once. */
import { z } from 'zod';
import { DEFAULT_CADENCE, FollowUpCadence } from '../shared/domain/cadence';
import type { Ticket } from '../shared/domain/ticket';
import type { PortalDatabase } from './db';

function prepareStatements(sqlite: PortalDatabase['sqlite']) {
  const prepare = (sql: string) => sqlite.prepare(sql);
  return {
    // Served by the tickets_by_team_stage index; the caller orders the rows by urgency.
    escalatedTicketIds: prepare(`SELECT id FROM tickets WHERE team_id = ? AND stage = 'escalated'`).pluck(),
    cadence: prepare(
      `SELECT critical_hours AS critical, moderate_hours AS moderate, minimal_hours AS minimal,
              microsoft_silent_after_hours AS microsoftSilentAfterHours
         FROM follow_up_cadences WHERE team_id = ?`,
    ),
    saveCadence: prepare(
      `INSERT INTO follow_up_cadences
         (team_id, critical_hours, moderate_hours, minimal_hours, microsoft_silent_after_hours, updated_at, updated_by)
         VALUES (@teamId, @critical, @moderate, @minimal, @microsoftSilentAfterHours, @updatedAt, @updatedBy)
         ON CONFLICT (team_id) DO UPDATE SET
           critical_hours = excluded.critical_hours, moderate_hours = excluded.moderate_hours,
           minimal_hours = excluded.minimal_hours, microsoft_silent_after_hours = excluded.microsoft_silent_after_hours,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
  };
}

export class LeadStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: PortalDatabase) {
    this.statements = prepareStatements(db.sqlite);
  }

  /**
   * The team's tickets in the escalated stage. Each is read back through findTicket, so it is parsed
   * like every stored ticket; SQLite runs in-process, so one lookup per ticket costs no round trips.
   */
  escalatedTickets(teamId: string): Ticket[] {
    return z
      .array(z.string())
      .parse(this.statements.escalatedTicketIds.all(teamId))
      .flatMap((id) => this.db.findTicket(id) ?? []);
  }

  /** The team's cadence, or the default until its lead sets one. */
  cadence(teamId: string): FollowUpCadence {
    const row = this.statements.cadence.get(teamId);
    return row === undefined ? DEFAULT_CADENCE : FollowUpCadence.parse(row);
  }

  saveCadence(teamId: string, cadence: FollowUpCadence, updatedBy: string, updatedAt: string): void {
    this.statements.saveCadence.run({ teamId, ...FollowUpCadence.parse(cadence), updatedBy, updatedAt });
  }
}
