/** The seed's two validation layers (entitlement, mandatory information) as checks an engineer reads on a checklist. */
import { TENANT_DOMAIN_RULE, TenantDomain } from './customer';
import { PRIORITY_LABEL, SCOPE_LABEL, SUPPORT_PLAN_LABEL } from './ticket-labels';
import { ValidationLayer, type Ticket, type ValidationCheck } from './ticket';
import { plural } from '../plural';

/** What validation looks at, so a draft or a partial ticket can be checked too. */
export type ValidationFacts = Pick<
  Ticket,
  'requester' | 'endCustomer' | 'entitlement' | 'priority' | 'scope' | 'description'
>;

/** A description shorter than this cannot be worked from: engineers would have to ask for everything. */
export const DESCRIPTION_MIN_CHARACTERS = 30;
export const DESCRIPTION_MIN_WORDS = 5;

/** The fields validation checks, in checklist order. */
export const VALIDATION_FIELDS = [
  'entitlement',
  'endCustomer.companyName',
  'endCustomer.tenantDomain',
  'priority',
  'scope',
  'description',
] as const;
export type ValidationField = (typeof VALIDATION_FIELDS)[number];

/** How the checklist names each field. */
export const VALIDATION_FIELD_LABEL: Record<ValidationField, string> = {
  entitlement: 'Entitlement',
  'endCustomer.companyName': 'Company name',
  'endCustomer.tenantDomain': 'Tenant domain',
  priority: 'Priority',
  scope: 'Scope',
  description: 'Description',
};

const DETAIL_MAX = 500;
/** ValidationCheck.detail holds 500 characters; very long names must not make a check unstorable. */
const clip = (text: string): string => (text.length <= DETAIL_MAX ? text : `${text.slice(0, DETAIL_MAX - 1)}…`);

const present = (value: string | null): value is string => value !== null && value.trim() !== '';

/** "Contoso Ltd (contoso.onmicrosoft.com)", or whichever of the two is known. */
export function endCustomerName(ticket: Pick<Ticket, 'endCustomer'>, fallback = 'this end customer'): string {
  const { companyName, tenantDomain } = ticket.endCustomer;
  const company = present(companyName) ? companyName.trim() : null;
  const domain = present(tenantDomain) ? tenantDomain.trim() : null;
  if (company !== null && domain !== null) return `${company} (${domain})`;
  return company ?? domain ?? fallback;
}

function check(layer: ValidationLayer, field: ValidationField, passed: boolean, detail: string): ValidationCheck {
  return { layer, field, passed, detail: clip(detail) };
}

function entitlementCheck(ticket: ValidationFacts): ValidationCheck {
  const parties = `${ticket.requester.resellerName} and ${endCustomerName(ticket)}`;
  const { entitlement } = ticket;
  const fail = (detail: string) => check('entitlement', 'entitlement', false, detail);
  if (entitlement === null) {
    return fail(
      `No entitlement on record for ${parties}: check the reseller's support subscription in StreamOne Marketplace.`,
    );
  }
  if (entitlement.supportPlan === 'none') return fail(`No support plan is included in the entitlement of ${parties}.`);
  const plan = SUPPORT_PLAN_LABEL[entitlement.supportPlan];
  if (!entitlement.active) return fail(`The ${plan} support plan is not active for ${parties}.`);
  const addOn = entitlement.onPremiseAddOn ? 'includes' : 'does not include';
  return check(
    'entitlement',
    'entitlement',
    true,
    `The ${plan} support plan is active for ${parties}; it ${addOn} the On-Premise add-on.`,
  );
}

/**
 * What is wrong with a tenant domain, to follow it in a sentence ('The tenant domain "x" …'), or null
 * when TenantDomain accepts it. Names the exact fault so the requester is not sent back twice.
 */
export function tenantDomainIssue(value: string | null): string | null {
  if (!present(value)) return 'is missing';
  if (TenantDomain.safeParse(value).success) return null;
  const domain = value.trim().toLowerCase();
  const suffix = '.onmicrosoft.com';
  if (!domain.endsWith(suffix)) return 'does not end in .onmicrosoft.com';
  const name = domain.slice(0, -suffix.length);
  if (name === '') return 'has no name before .onmicrosoft.com';
  const wrong = /[^a-z0-9]/.exec(name)?.[0];
  if (wrong !== undefined) {
    const character = wrong === ' ' ? 'a space' : `"${wrong}"`;
    return `has ${character} in its name, where only letters and digits are allowed`;
  }
  return `has a name of ${name.length} characters, longer than 27`;
}

function tenantDomainCheck(ticket: ValidationFacts): ValidationCheck {
  const field = 'endCustomer.tenantDomain';
  const value = ticket.endCustomer.tenantDomain;
  const issue = tenantDomainIssue(value);
  if (issue === null) {
    return check(
      'mandatory_information',
      field,
      true,
      `The tenant domain ${TenantDomain.parse(value)} is well formed.`,
    );
  }
  if (!present(value)) {
    return check(
      'mandatory_information',
      field,
      false,
      "The tenant domain is missing: ask the requester for the end customer's <name>.onmicrosoft.com domain.",
    );
  }
  return check(
    'mandatory_information',
    field,
    false,
    `The tenant domain "${value.trim()}" ${issue}; ${TENANT_DOMAIN_RULE}.`,
  );
}

/** Counts as the rule does: trimmed characters, and words separated by any whitespace. */
export function describeDescriptionLength(description: string): { characters: number; words: number } {
  const trimmed = description.trim();
  return { characters: trimmed.length, words: trimmed === '' ? 0 : trimmed.split(/\s+/).length };
}

export function isDescriptionUsable(description: string): boolean {
  const { characters, words } = describeDescriptionLength(description);
  return characters >= DESCRIPTION_MIN_CHARACTERS && words >= DESCRIPTION_MIN_WORDS;
}

function descriptionCheck(ticket: ValidationFacts): ValidationCheck {
  const { characters, words } = describeDescriptionLength(ticket.description);
  const mandatory = (passed: boolean, detail: string) => check('mandatory_information', 'description', passed, detail);
  if (characters === 0) {
    return mandatory(
      false,
      'The description is missing: ask the requester what happens, since when and who is affected.',
    );
  }
  const shortOnCharacters = characters < DESCRIPTION_MIN_CHARACTERS;
  const shortOnWords = words < DESCRIPTION_MIN_WORDS;
  const counted = `${plural(words, 'word', 'words')}, ${plural(characters, 'character', 'characters')}`;
  if (!shortOnCharacters && !shortOnWords) return mandatory(true, `The description is usable: ${counted}.`);
  const needed = [
    shortOnCharacters ? `${DESCRIPTION_MIN_CHARACTERS} characters` : null,
    shortOnWords ? `${DESCRIPTION_MIN_WORDS} words` : null,
  ]
    .filter((part) => part !== null)
    .join(' and ');
  return mandatory(
    false,
    `The description is too short to work from (${counted}): at least ${needed} are needed; ask the requester for more detail.`,
  );
}

/** Every check of both layers, in checklist order; pure, so console and server get the same list. */
export function validateTicket(ticket: ValidationFacts): ValidationCheck[] {
  const { companyName } = ticket.endCustomer;
  return [
    entitlementCheck(ticket),
    present(companyName)
      ? check('mandatory_information', 'endCustomer.companyName', true, `The company name is ${companyName.trim()}.`)
      : check(
          'mandatory_information',
          'endCustomer.companyName',
          false,
          "The end customer's company name is missing: ask the requester for it.",
        ),
    tenantDomainCheck(ticket),
    ticket.priority !== null
      ? check('mandatory_information', 'priority', true, `The priority is ${PRIORITY_LABEL[ticket.priority]}.`)
      : check(
          'mandatory_information',
          'priority',
          false,
          'The incident priority is missing: set it from the impact the requester describes.',
        ),
    ticket.scope !== null
      ? check('mandatory_information', 'scope', true, `The scope is ${SCOPE_LABEL[ticket.scope]}.`)
      : check(
          'mandatory_information',
          'scope',
          false,
          'The scope (product area) is missing: set it from what the requester describes.',
        ),
    descriptionCheck(ticket),
  ];
}

/** An empty list has proven nothing, so it does not pass. */
export function validationPassed(checks: readonly ValidationCheck[]): boolean {
  return checks.length > 0 && checks.every((c) => c.passed);
}

/** The layers with at least one failing check, in the seed's order (entitlement first). */
export function failingLayers(checks: readonly ValidationCheck[]): ValidationLayer[] {
  return ValidationLayer.options.filter((layer) => checks.some((c) => c.layer === layer && !c.passed));
}

/**
 * Why validation fails, as the closure proposes it: missing information first, since without a tenant
 * domain the entitlement cannot be established either.
 */
export function suggestedFailure(checks: readonly ValidationCheck[]): 'not_entitled' | 'missing_information' {
  return failingLayers(checks).includes('mandatory_information') ? 'missing_information' : 'not_entitled';
}

/**
 * The step of validation the engineer is expected to take next, which gets the primary button: run the
 * checks first; then pass when they pass, or fail and close when they do not. `failing` says why passing
 * cannot succeed now (the details as they are, which may have changed since the last run), or is null.
 */
export function nextValidationStep(ticket: Ticket): { next: 'run' | 'pass' | 'fail'; failing: string | null } {
  const failing = validateTicket(ticket).filter((check) => !check.passed);
  const why =
    failing.length === 0
      ? null
      : `It cannot pass: ${failing.map((check) => check.detail).join(' ')} Correct the details, or fail validation and close the ticket.`;
  if (ticket.validation === null) return { next: 'run', failing: why };
  return { next: why === null ? 'pass' : 'fail', failing: why };
}

/** "5 of 6 checks passed": the summary the timeline and the checklist header show. */
export function summarizeChecks(checks: readonly ValidationCheck[]): string {
  const passed = checks.filter((c) => c.passed).length;
  return `${passed} of ${plural(checks.length, 'check', 'checks')} passed`;
}
