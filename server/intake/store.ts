/** Intake's queries: the resellers on file, their customers' entitlements and ticket numbers. */
import { z } from 'zod';
import { Entitlement } from '../../shared/domain/customer';
import type { PortalDatabase } from '../db';

/** A reseller on file: who may open tickets through intake. */
export const Reseller = z.object({ id: z.string(), name: z.string() });
export type Reseller = z.infer<typeof Reseller>;

const EntitlementRow = z.object({ support_plan: z.string(), active: z.number(), on_premise_add_on: z.number() });

const SQL = {
  resellers: 'SELECT id, name FROM resellers ORDER BY name',
  resellerById: 'SELECT id, name FROM resellers WHERE id = ?',
  entitlement:
    'SELECT support_plan, active, on_premise_add_on FROM entitlements WHERE reseller_id = ? AND tenant_domain = ?',
  ticketNumberExists: 'SELECT 1 AS found FROM tickets WHERE number = ?',
} as const;

export class IntakeStore {
  constructor(readonly db: PortalDatabase) {}

  /** Every reseller, by name: the choices of the intake form. */
  async resellers(): Promise<Reseller[]> {
    return z.array(Reseller).parse(await this.db.sql.all(SQL.resellers));
  }

  async findReseller(id: string): Promise<Reseller | null> {
    const row = await this.db.sql.get(SQL.resellerById, [id]);
    return row === undefined ? null : Reseller.parse(row);
  }

  /** What the reseller's subscription entitles this tenant to, or null when the marketplace has no record. */
  async findEntitlement(resellerId: string, tenantDomain: string): Promise<Entitlement | null> {
    const row = await this.db.sql.get(SQL.entitlement, [resellerId, tenantDomain]);
    if (row === undefined) return null;
    const r = EntitlementRow.parse(row);
    return Entitlement.parse({
      supportPlan: r.support_plan,
      active: r.active === 1,
      onPremiseAddOn: r.on_premise_add_on === 1,
    });
  }

  async ticketNumberExists(number: string): Promise<boolean> {
    return (await this.db.sql.get(SQL.ticketNumberExists, [number])) !== undefined;
  }
}
