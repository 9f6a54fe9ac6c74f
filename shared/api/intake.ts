/** Customer intake: what a reseller contact sends through the web form or the chat to open a support request. */
import { z } from 'zod';
import { TenantDomain } from '../domain/customer';
import { Email } from '../domain/people';
import { Priority, Scope, TicketId, TicketNumber } from '../domain/ticket';
import { TimeZone } from '../domain/time';

/** The support desk's own zone: a customer who does not say otherwise is assumed to keep its hours. */
export const DEFAULT_CUSTOMER_TIME_ZONE = 'Europe/Rome';

/** A field the requester must fill in: absent, not text, or blank all get the same message. */
const required = (max: number, message: string, tooLong: string) =>
  z.string({ message }).trim().min(1, { message }).max(max, { message: tooLong });

/**
 * A field the requester may leave empty: blank, null and absent all mean "not given" (null), so that
 * validation layer 2 names it as missing and closes the ticket with an explanation, as the support
 * process requires. What is given must still be well formed.
 */
const mayBeEmpty = <S extends z.ZodType<unknown, string>>(schema: S, description: string) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .nullish()
    .transform((value) => (value ? value : null))
    .pipe(schema.nullable())
    // The pipe hides the inner schema from the OpenAPI document, so the accepted values are spelled out.
    .meta({ description: `${description}; blank, null or absent when not given` });

export const IntakeRequest = z.object({
  resellerId: required(64, 'choose your company from the list of resellers', 'choose your company from the list').meta({
    description: "The id of the requester's reseller, as on file in the portal",
  }),
  contactName: required(120, 'enter your name', 'your name is longer than 120 characters'),
  contactEmail: z
    .string({ message: 'enter your e-mail address' })
    .trim()
    .max(254, { message: 'the e-mail address is longer than 254 characters' })
    .pipe(Email)
    .meta({ description: "The requester's e-mail address" }),
  companyName: mayBeEmpty(
    z.string().max(160, { message: 'the company name is longer than 160 characters' }),
    "The end customer's company name, at most 160 characters",
  ),
  tenantDomain: mayBeEmpty(TenantDomain, "The end customer's tenant domain, <name>.onmicrosoft.com"),
  timeZone: z
    .string({ message: 'must be text' })
    .trim()
    .nullish()
    .transform((value) => (value ? value : DEFAULT_CUSTOMER_TIME_ZONE))
    .pipe(TimeZone)
    .meta({ description: `The end customer's IANA time zone; ${DEFAULT_CUSTOMER_TIME_ZONE} when not given` }),
  priority: mayBeEmpty(
    z.enum(Priority.options, { message: 'choose critical, high, normal or low' }),
    `The incident priority: ${Priority.options.join(', ')}`,
  ),
  scope: mayBeEmpty(
    z.enum(Scope.options, { message: 'choose a product area from the list' }),
    `The product area: ${Scope.options.join(', ')}`,
  ),
  subject: required(300, 'enter a subject: one line saying what is wrong', 'the subject is longer than 300 characters'),
  description: required(
    20000,
    'describe the issue: what happens, since when, and who is affected',
    'the description is longer than 20,000 characters',
  ),
});
export type IntakeRequest = z.infer<typeof IntakeRequest>;
export type IntakeField = keyof typeof IntakeRequest.shape;
export const INTAKE_FIELDS = Object.keys(IntakeRequest.shape) as IntakeField[];

/** What the chat is told once the ticket exists: enough to quote it back to the customer. */
export const IntakeReceipt = z.object({ id: TicketId, number: TicketNumber });
export type IntakeReceipt = z.infer<typeof IntakeReceipt>;
