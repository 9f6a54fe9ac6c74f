/** Intake's queries: the resellers on file, their customers' entitlements and ticket numbers, each prepared once. */
import { z } from 'zod';
import { Entitlement } from '../../shared/domain/customer';
import type { PortalDatabase } from '../db';

/** A reseller on file: who may open tickets through intake. */
export const Reseller = z.object({ id: z.string(), name: z.string() });
export type Reseller = z.infer<typeof Reseller>;

const EntitlementRow = z.object({ support_plan: z.string(), active: z.number(), on_premise_add_on: z.number() });

function prepareStatements(sqlite: PortalDatabase['sqlite']) {
  const prepare = (sql: string) => sqlite.prepare(sql);
  return {
    resellers: prepare('SELECT id, name FROM resellers ORDER BY name'),
    resellerById: prepare('SELECT id, name FROM resellers WHERE id = ?'),
    entitlement: prepare(
      'SELECT support_plan, active, on_premise_add_on FROM entitlements WHERE reseller_id = ? AND tenant_domain = ?',
    ),
    ticketNumberExists: prepare('SELECT 1 FROM tickets WHERE number = ?').pluck(),
  };
}

export class IntakeStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(readonly db: PortalDatabase) {
    this.statements = prepareStatements(db.sqlite);
  }

  /** Every reseller, by name: the choices of the intake form. */
  resellers(): Reseller[] {
    return z.array(Reseller).parse(this.statements.resellers.all());
  }

  findReseller(id: string): Reseller | null {
    const row = this.statements.resellerById.get(id);
    return row === undefined ? null : Reseller.parse(row);
  }

  /** What the reseller's subscription entitles this tenant to, or null when the marketplace has no record. */
  findEntitlement(resellerId: string, tenantDomain: string): Entitlement | null {
    const row = this.statements.entitlement.get(resellerId, tenantDomain);
    if (row === undefined) return null;
    const r = EntitlementRow.parse(row);
    return Entitlement.parse({
      supportPlan: r.support_plan,
      active: r.active === 1,
      onPremiseAddOn: r.on_premise_add_on === 1,
    });
  }

  ticketNumberExists(number: string): boolean {
    return this.statements.ticketNumberExists.get(number) !== undefined;
  }
}
