/** updateDetails: corrects what the requester gave (customer, priority, scope, title, description), all or nothing. */
import { z } from 'zod';
import { TENANT_DOMAIN_RULE, TenantDomain } from '../domain/customer';
import { PRIORITY_LABEL, SCOPE_LABEL } from '../domain/ticket-labels';
import { Priority, Scope, TicketId, type Ticket } from '../domain/ticket';
import { TimeZone } from '../domain/time';
import { tenantDomainIssue } from '../domain/validation';
import { defineMutation, refuse } from './mutation';
import { EntryId, applied, changed, listWords, refuseIfClosed, refuseIfIdsTaken, systemEvent } from './ticket-change';

const DETAIL_FIELDS = ['companyName', 'tenantDomain', 'timeZone', 'priority', 'scope', 'title', 'description'] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];

export const UpdateDetailsArgs = z
  .object({
    ticketId: TicketId,
    eventId: EntryId,
    companyName: z
      .string()
      .trim()
      .min(1, { message: 'the company name is empty' })
      .max(160, { message: 'the company name is longer than 160 characters' })
      .optional(),
    // The domain and the zone are checked in apply, so their refusal names the ticket and says exactly what is wrong.
    tenantDomain: z.string().max(120, { message: 'the tenant domain is longer than 120 characters' }).optional(),
    timeZone: z.string().max(64, { message: 'the time zone is longer than 64 characters' }).optional(),
    priority: z.enum(Priority.options, { message: 'the priority must be critical, high, normal or low' }).optional(),
    scope: z.enum(Scope.options, { message: 'the scope must be one of the product areas' }).optional(),
    title: z
      .string()
      .trim()
      .min(1, { message: 'the title is empty' })
      .max(300, { message: 'the title is longer than 300 characters' })
      .optional(),
    description: z
      .string()
      .trim()
      .min(1, { message: 'the description is empty' })
      .max(20000, { message: 'the description is longer than 20,000 characters' })
      .optional(),
  })
  .refine((args) => DETAIL_FIELDS.some((field) => args[field] !== undefined), {
    message: 'nothing to change: give at least one detail',
  });
export type UpdateDetailsArgs = z.infer<typeof UpdateDetailsArgs>;

const FIELD_NAME: Record<DetailField, string> = {
  companyName: 'company name',
  tenantDomain: 'tenant domain',
  timeZone: 'time zone',
  priority: 'priority',
  scope: 'scope',
  title: 'title',
  description: 'description',
};

/** Short values are shown before → after on the timeline; title and description are only named. */
const shown = (field: DetailField, value: string | null): string | null => {
  if (field === 'title' || field === 'description') return null;
  if (value === null) return 'none';
  if (field === 'priority') return PRIORITY_LABEL[value as Priority];
  if (field === 'scope') return SCOPE_LABEL[value as Scope];
  return value;
};

const current = (ticket: Ticket, field: DetailField): string | null => {
  switch (field) {
    case 'companyName':
    case 'tenantDomain':
    case 'timeZone':
      return ticket.endCustomer[field];
    default:
      return ticket[field];
  }
};

/** 'is missing', or '"contoso.com" does not end in .onmicrosoft.com'. */
const describeGiven = (domain: string): string => {
  const issue = tenantDomainIssue(domain) ?? 'is not valid';
  return domain.trim() === '' ? issue : `"${domain.trim()}" ${issue}`;
};

export const updateDetails = defineMutation({
  name: 'updateDetails',
  args: UpdateDetailsArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'changing its details');
    if (closed) return closed;
    const next = { ...args };
    if (args.tenantDomain !== undefined) {
      const parsed = TenantDomain.safeParse(args.tenantDomain);
      if (!parsed.success) {
        return refuse(
          'invalid_args',
          `The details of ${ticket.number} were not changed: the tenant domain ${describeGiven(args.tenantDomain)}; ${TENANT_DOMAIN_RULE}. Correct it and save again.`,
          'tenantDomain',
        );
      }
      next.tenantDomain = parsed.data;
    }
    if (args.timeZone !== undefined && !TimeZone.safeParse(args.timeZone).success) {
      return refuse(
        'invalid_args',
        `The details of ${ticket.number} were not changed: "${args.timeZone}" is not a time zone; the customer's time zone must be an IANA time zone such as Europe/Rome. Correct it and save again.`,
        'timeZone',
      );
    }
    const changes = DETAIL_FIELDS.filter(
      (field) => next[field] !== undefined && next[field] !== current(ticket, field),
    );
    // Saving what is already there (two engineers making the same correction) is not an error.
    if (changes.length === 0) return applied(ticket);
    const taken = refuseIfIdsTaken(ticket, [args.eventId]);
    if (taken) return taken;
    const described = changes.map((field) => {
      const before = shown(field, current(ticket, field));
      const after = shown(field, next[field] ?? null);
      return before === null ? FIELD_NAME[field] : `${FIELD_NAME[field]} (${before} → ${after})`;
    });
    return applied(
      changed(
        ticket,
        context,
        {
          endCustomer: {
            companyName: next.companyName ?? ticket.endCustomer.companyName,
            tenantDomain: next.tenantDomain ?? ticket.endCustomer.tenantDomain,
            timeZone: next.timeZone ?? ticket.endCustomer.timeZone,
          },
          priority: next.priority ?? ticket.priority,
          scope: next.scope ?? ticket.scope,
          title: next.title ?? ticket.title,
          description: next.description ?? ticket.description,
        },
        [systemEvent(args.eventId, context, `Details updated: ${listWords(described, 'and')}`)],
      ),
    );
  },
});
