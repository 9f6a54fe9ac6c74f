/** The demo's validation runs: both layers (entitlement, mandatory information) checked on a ticket plan. */
import { TenantDomain } from '../../shared/domain/customer';
import type { ValidationCheck } from '../../shared/domain/ticket';
import type { TicketPlan } from './plans';

/** How a failed field is named to the customer in a closure explanation. */
export const FIELD_LABEL: Record<string, string> = {
  entitlement: 'an active support plan for this customer',
  'endCustomer.companyName': "the end customer's company name",
  'endCustomer.tenantDomain': 'the tenant domain (<name>.onmicrosoft.com)',
  priority: 'the incident priority',
  scope: 'the product area concerned',
  description: 'a description of the issue',
};

export function validationChecks(plan: TicketPlan): ValidationCheck[] {
  const { entitlement, reseller } = plan.account;
  const { companyName, tenantDomain } = plan.endCustomer;
  const tenant = TenantDomain.safeParse(tenantDomain ?? '');
  const mandatory = (field: string, passed: boolean, detail: string): ValidationCheck => ({
    layer: 'mandatory_information',
    field,
    passed,
    detail,
  });
  return [
    {
      layer: 'entitlement',
      field: 'entitlement',
      passed: entitlement !== null && entitlement.active && entitlement.supportPlan !== 'none',
      detail:
        entitlement === null
          ? `${reseller.name} holds no marketplace support subscription for this tenant`
          : !entitlement.active
            ? `the ${entitlement.supportPlan} support subscription of ${reseller.name} has expired`
            : entitlement.supportPlan === 'none'
              ? `${reseller.name} has not purchased support for this customer`
              : `${entitlement.supportPlan} support through ${reseller.name}` +
                (entitlement.onPremiseAddOn ? ', with the On-Premise add-on' : ''),
    },
    mandatory(
      'endCustomer.companyName',
      companyName !== null && companyName.trim() !== '',
      companyName ?? 'the company name was left empty',
    ),
    mandatory(
      'endCustomer.tenantDomain',
      tenant.success,
      tenant.success
        ? tenant.data
        : tenantDomain === null
          ? 'the tenant domain was left empty'
          : `"${tenantDomain}": ${tenant.error.issues[0]?.message ?? 'invalid'}`,
    ),
    mandatory('priority', plan.priority !== null, plan.priority ?? 'no priority was given'),
    mandatory('scope', plan.scope !== null, plan.scope ?? 'no product area was selected'),
    mandatory('description', plan.issue.description.length >= 40, `${plan.issue.description.length} characters`),
  ];
}
