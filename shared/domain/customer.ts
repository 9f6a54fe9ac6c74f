/** The end customer a reseller asks support for, and what the marketplace entitles them to. */
import { z } from 'zod';
import { TimeZone } from './time';

/** Microsoft's initial domain of a tenant: `<name>.onmicrosoft.com`, name 1–27 letters or digits. */
export const TENANT_DOMAIN_PATTERN = /^[a-z0-9]{1,27}\.onmicrosoft\.com$/;

/** The rule in the seed's words: the schema's message, and what validation and refusals quote. */
export const TENANT_DOMAIN_RULE =
  'the tenant domain must be <name>.onmicrosoft.com, the name 1 to 27 letters or digits (e.g. contoso.onmicrosoft.com)';

export const TenantDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(TENANT_DOMAIN_PATTERN, { message: TENANT_DOMAIN_RULE });
export type TenantDomain = z.infer<typeof TenantDomain>;

/**
 * As received at intake the customer may be incomplete: validation layer 2 names what is missing,
 * so the record keeps whatever was given rather than refusing the ticket outright.
 */
export const EndCustomer = z.object({
  companyName: z.string().max(160).nullable(),
  tenantDomain: z.string().max(120).nullable(),
  timeZone: TimeZone,
});
export type EndCustomer = z.infer<typeof EndCustomer>;

export const SupportPlan = z.enum(['none', 'standard', 'advanced', 'premier']);
export type SupportPlan = z.infer<typeof SupportPlan>;

/** What the reseller's marketplace subscription entitles this end customer to. */
export const Entitlement = z.object({
  supportPlan: SupportPlan,
  active: z.boolean(),
  onPremiseAddOn: z.boolean(),
});
export type Entitlement = z.infer<typeof Entitlement>;
