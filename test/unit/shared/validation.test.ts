// The two validation layers: every check passing and failing, the description boundary, and tenant domain cases.
import { describe, expect, it } from 'vitest';
import {
  DESCRIPTION_MIN_CHARACTERS,
  TENANT_DOMAIN_RULE,
  ValidationCheck,
  failingLayers,
  summarizeChecks,
  validateTicket,
  validationPassed,
  type ValidationField,
} from '../../../shared/domain';
import { ENTITLED_WITH_ON_PREMISE, makeTicket } from '../../fixtures/tickets';

type TicketOverrides = Parameters<typeof makeTicket>[0];

function checkOf(field: ValidationField, overrides: TicketOverrides = {}): ValidationCheck {
  const found = validateTicket(makeTicket(overrides)).find((check) => check.field === field);
  if (found === undefined) throw new Error(`no check for ${field}`);
  return found;
}

const customer = (endCustomer: Partial<ReturnType<typeof makeTicket>['endCustomer']>) => ({
  endCustomer: { ...makeTicket().endCustomer, ...endCustomer },
});

describe('validateTicket', () => {
  it('runs one entitlement check and five mandatory-information checks, all passing on a complete ticket', () => {
    const checks = validateTicket(makeTicket());
    expect(checks).toEqual([
      {
        layer: 'entitlement',
        field: 'entitlement',
        passed: true,
        detail:
          'The Standard support plan is active for Northwind IT Services and Contoso Ltd (contoso.onmicrosoft.com); it does not include the On-Premise add-on.',
      },
      {
        layer: 'mandatory_information',
        field: 'endCustomer.companyName',
        passed: true,
        detail: 'The company name is Contoso Ltd.',
      },
      {
        layer: 'mandatory_information',
        field: 'endCustomer.tenantDomain',
        passed: true,
        detail: 'The tenant domain contoso.onmicrosoft.com is well formed.',
      },
      { layer: 'mandatory_information', field: 'priority', passed: true, detail: 'The priority is High.' },
      { layer: 'mandatory_information', field: 'scope', passed: true, detail: 'The scope is Exchange Online.' },
      {
        layer: 'mandatory_information',
        field: 'description',
        passed: true,
        detail: 'The description is usable: 13 words, 79 characters.',
      },
    ]);
    for (const check of checks) expect(ValidationCheck.parse(check)).toEqual(check);
    expect(validationPassed(checks)).toBe(true);
    expect(failingLayers(checks)).toEqual([]);
    expect(summarizeChecks(checks)).toBe('6 of 6 checks passed');
  });

  it('says when the On-Premise add-on is included', () => {
    expect(checkOf('entitlement', { entitlement: ENTITLED_WITH_ON_PREMISE }).detail).toBe(
      'The Advanced support plan is active for Northwind IT Services and Contoso Ltd (contoso.onmicrosoft.com); it includes the On-Premise add-on.',
    );
  });

  it.each([
    [
      'no entitlement on record',
      { entitlement: null },
      "No entitlement on record for Northwind IT Services and Contoso Ltd (contoso.onmicrosoft.com): check the reseller's support subscription in StreamOne Marketplace.",
    ],
    [
      'an inactive plan',
      { entitlement: { supportPlan: 'premier', active: false, onPremiseAddOn: false } },
      'The Premier support plan is not active for Northwind IT Services and Contoso Ltd (contoso.onmicrosoft.com).',
    ],
    [
      'no support plan',
      { entitlement: { supportPlan: 'none', active: true, onPremiseAddOn: false } },
      'No support plan is included in the entitlement of Northwind IT Services and Contoso Ltd (contoso.onmicrosoft.com).',
    ],
  ] as const)('fails the entitlement layer on %s', (_label, overrides, detail) => {
    const checks = validateTicket(makeTicket(overrides));
    expect(checks[0]).toEqual({ layer: 'entitlement', field: 'entitlement', passed: false, detail });
    expect(failingLayers(checks)).toEqual(['entitlement']);
    expect(validationPassed(checks)).toBe(false);
    expect(summarizeChecks(checks)).toBe('5 of 6 checks passed');
  });

  it('names the end customer by whatever is known when the company name is missing', () => {
    const ticket = makeTicket({ entitlement: null, ...customer({ companyName: null }) });
    expect(validateTicket(ticket)[0]?.detail).toContain('for Northwind IT Services and contoso.onmicrosoft.com:');
  });

  it.each([
    ['missing', null],
    ['blank', '   '],
  ])('fails the company name when %s', (_label, companyName) => {
    expect(checkOf('endCustomer.companyName', customer({ companyName }))).toEqual({
      layer: 'mandatory_information',
      field: 'endCustomer.companyName',
      passed: false,
      detail: "The end customer's company name is missing: ask the requester for it.",
    });
  });

  it.each([
    [
      'missing',
      null,
      "The tenant domain is missing: ask the requester for the end customer's <name>.onmicrosoft.com domain.",
    ],
    [
      'blank',
      ' ',
      "The tenant domain is missing: ask the requester for the end customer's <name>.onmicrosoft.com domain.",
    ],
    [
      'a custom domain',
      'contoso.com',
      `The tenant domain "contoso.com" does not end in .onmicrosoft.com; ${TENANT_DOMAIN_RULE}.`,
    ],
    [
      'only the suffix',
      '.onmicrosoft.com',
      `The tenant domain ".onmicrosoft.com" has no name before .onmicrosoft.com; ${TENANT_DOMAIN_RULE}.`,
    ],
    [
      'a hyphen in the name',
      'contoso-it.onmicrosoft.com',
      `The tenant domain "contoso-it.onmicrosoft.com" has "-" in its name, where only letters and digits are allowed; ${TENANT_DOMAIN_RULE}.`,
    ],
    [
      'a subdomain',
      'mail.contoso.onmicrosoft.com',
      `The tenant domain "mail.contoso.onmicrosoft.com" has "." in its name, where only letters and digits are allowed; ${TENANT_DOMAIN_RULE}.`,
    ],
    [
      'a space in the name',
      'contoso ltd.onmicrosoft.com',
      `The tenant domain "contoso ltd.onmicrosoft.com" has a space in its name, where only letters and digits are allowed; ${TENANT_DOMAIN_RULE}.`,
    ],
    [
      'a 28-character name',
      `${'a'.repeat(28)}.onmicrosoft.com`,
      `The tenant domain "${'a'.repeat(28)}.onmicrosoft.com" has a name of 28 characters, longer than 27; ${TENANT_DOMAIN_RULE}.`,
    ],
  ])('fails the tenant domain when %s', (_label, tenantDomain, detail) => {
    expect(checkOf('endCustomer.tenantDomain', customer({ tenantDomain }))).toEqual({
      layer: 'mandatory_information',
      field: 'endCustomer.tenantDomain',
      passed: false,
      detail,
    });
  });

  it.each([
    ['a 27-character name', `${'a'.repeat(27)}.onmicrosoft.com`, `${'a'.repeat(27)}.onmicrosoft.com`],
    ['a one-character name', 'x.onmicrosoft.com', 'x.onmicrosoft.com'],
    [
      'capitals and surrounding spaces, as TenantDomain normalizes',
      ' Contoso2.OnMicrosoft.com ',
      'contoso2.onmicrosoft.com',
    ],
  ])('passes the tenant domain with %s', (_label, tenantDomain, shown) => {
    const check = checkOf('endCustomer.tenantDomain', customer({ tenantDomain }));
    expect(check).toMatchObject({ passed: true, detail: `The tenant domain ${shown} is well formed.` });
  });

  it('fails priority and scope when they are missing', () => {
    const checks = validateTicket(makeTicket({ priority: null, scope: null }));
    expect(checks.filter((check) => !check.passed)).toEqual([
      {
        layer: 'mandatory_information',
        field: 'priority',
        passed: false,
        detail: 'The incident priority is missing: set it from the impact the requester describes.',
      },
      {
        layer: 'mandatory_information',
        field: 'scope',
        passed: false,
        detail: 'The scope (product area) is missing: set it from what the requester describes.',
      },
    ]);
    expect(failingLayers(checks)).toEqual(['mandatory_information']);
  });

  it('reports both layers, entitlement first, when both fail', () => {
    const checks = validateTicket(makeTicket({ entitlement: null, priority: null }));
    expect(failingLayers(checks)).toEqual(['entitlement', 'mandatory_information']);
    expect(summarizeChecks(checks)).toBe('4 of 6 checks passed');
  });
});

describe('the description rule: at least 30 characters and 5 words, after trimming', () => {
  const description = (text: string) => checkOf('description', { description: text });
  // Exactly 5 words and exactly 30 characters: the smallest description that passes.
  const thirty = 'Outbound mail queued since 8am';

  it('passes at exactly 30 characters and 5 words', () => {
    expect(thirty).toHaveLength(DESCRIPTION_MIN_CHARACTERS);
    expect(description(thirty)).toMatchObject({
      passed: true,
      detail: 'The description is usable: 5 words, 30 characters.',
    });
  });

  it('fails at 29 characters, saying how long it is and what is needed', () => {
    expect(description(thirty.slice(0, 29))).toEqual({
      layer: 'mandatory_information',
      field: 'description',
      passed: false,
      detail:
        'The description is too short to work from (5 words, 29 characters): at least 30 characters are needed; ask the requester for more detail.',
    });
  });

  it('counts characters after trimming', () => {
    expect(description(`   ${thirty.slice(0, 29)}   `).passed).toBe(false);
  });

  it('fails with 4 long words, and passes with 5', () => {
    expect(description('Outlook disconnects intermittently everywhere').detail).toBe(
      'The description is too short to work from (4 words, 45 characters): at least 5 words are needed; ask the requester for more detail.',
    );
    expect(description('Outlook disconnects intermittently everywhere today').passed).toBe(true);
  });

  it('names both shortfalls at once', () => {
    expect(description('Broken.').detail).toBe(
      'The description is too short to work from (1 word, 7 characters): at least 30 characters and 5 words are needed; ask the requester for more detail.',
    );
  });

  it('says it is missing when empty or blank', () => {
    for (const text of ['', '  \n\t ']) {
      expect(description(text)).toMatchObject({
        passed: false,
        detail: 'The description is missing: ask the requester what happens, since when and who is affected.',
      });
    }
  });
});

describe('validationPassed and failingLayers', () => {
  it('does not count an empty list as passed: nothing was checked', () => {
    expect(validationPassed([])).toBe(false);
    expect(failingLayers([])).toEqual([]);
  });

  it('keeps every detail within the 500 characters a check can hold, even for very long names', () => {
    const long = makeTicket({
      entitlement: null,
      requester: { ...makeTicket().requester, resellerName: 'R'.repeat(160) },
      endCustomer: {
        companyName: 'C'.repeat(160),
        tenantDomain: `${'x'.repeat(104)}.onmicrosoft.com`,
        timeZone: 'UTC',
      },
    });
    for (const check of validateTicket(long)) expect(ValidationCheck.parse(check)).toEqual(check);
  });
});
