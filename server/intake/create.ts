/** Intake: a customer's request checked against the schema and the resellers on file, and made a ticket in validation. */
import { randomUUID } from 'node:crypto';
import { type FieldIssue, fieldIssues } from '../../shared/api/errors';
import { INTAKE_FIELDS, type IntakeField, IntakeRequest } from '../../shared/api/intake';
import type { Channel, Scope, Ticket } from '../../shared/domain/ticket';
import type { IntakeStore, Reseller } from './store';

export const UNKNOWN_RESELLER =
  'choose your company from the list: this portal has no reseller with that id, so it cannot tell who is asking';

export type IntakeReading =
  { ok: true; request: IntakeRequest; reseller: Reseller } | { ok: false; issues: FieldIssue[] };

/** Every failing field at once, the unknown reseller included, so the requester corrects everything in one go. */
export async function readIntake(store: IntakeStore, body: unknown): Promise<IntakeReading> {
  const parsed = IntakeRequest.safeParse(body);
  const issues = parsed.success ? [] : fieldIssues(parsed.error);
  const resellerId = IntakeRequest.pick({ resellerId: true }).safeParse(body);
  const reseller = resellerId.success ? await store.findReseller(resellerId.data.resellerId) : null;
  if (resellerId.success && reseller === null) issues.push({ path: 'resellerId', message: UNKNOWN_RESELLER });
  // In the form's order, so the list of errors reads top to bottom like the form.
  issues.sort((a, b) => INTAKE_FIELDS.indexOf(a.path as IntakeField) - INTAKE_FIELDS.indexOf(b.path as IntakeField));
  if (!parsed.success || reseller === null) return { ok: false, issues };
  return { ok: true, request: parsed.data, reseller };
}

/** Which team's queue a new ticket lands in. Without a scope it goes to Modern Work, which triages it. */
export function teamForScope(scope: Scope | null): string {
  return scope === 'azure' ? 'tm-azure' : 'tm-modern-work';
}

/**
 * Creates the ticket in the team's queue, unassigned and in validation, in one transaction: its number
 * and change sequence are taken where it is written, so two intakes can never share either.
 */
export async function createIntakeTicket(
  store: IntakeStore,
  { request, reseller }: { request: IntakeRequest; reseller: Reseller },
  channel: Channel,
  now: Date,
): Promise<Ticket> {
  const at = now.toISOString();
  const requester = {
    name: request.contactName,
    email: request.contactEmail,
    resellerId: reseller.id,
    resellerName: reseller.name,
  };
  const entitlement =
    request.tenantDomain === null ? null : await store.findEntitlement(reseller.id, request.tenantDomain);
  return store.db.transaction(async (db) => {
    const ticket: Ticket = {
      id: randomUUID(),
      number: await db.nextTicketNumber(),
      title: request.subject,
      description: request.description,
      channel,
      requester,
      endCustomer: { companyName: request.companyName, tenantDomain: request.tenantDomain, timeZone: request.timeZone },
      entitlement,
      priority: request.priority,
      scope: request.scope,
      stage: 'validation',
      status: 'new',
      teamId: teamForScope(request.scope),
      assignee: null,
      createdAt: at,
      updatedAt: at,
      validation: null,
      escalation: null,
      confirmation: null,
      closure: null,
      remoteSessions: [],
      timeline: [
        {
          id: randomUUID(),
          at,
          kind: 'system_event',
          actor: null,
          text: `Received through ${channel === 'web_form' ? 'the web form' : 'chat'} from ${requester.name} (${reseller.name})`,
        },
      ],
      version: 1,
      serverSeq: await db.nextSeq(),
    };
    // saveTicket parses the ticket with the shared schema first: a ticket that breaks it is never stored.
    await db.saveTicket(ticket);
    return ticket;
  });
}
