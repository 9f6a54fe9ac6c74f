/** Steps of the support process as a person performs them: the customer's web form, and the console. */
import type { Locator, Page } from '@playwright/test';
import type { Ticket } from '../../shared/domain';
import { expect, type Portal } from './portal';

export interface WebFormRequest {
  resellerId: string;
  contactName: string;
  contactEmail: string;
  companyName: string;
  tenantDomain: string;
  priority: string;
  scope: string;
  subject: string;
  description: string;
}

/** A reseller contact submits the intake web form; resolves with the ticket number the receipt shows. */
export async function submitWebForm(page: Page, portal: Portal, request: WebFormRequest): Promise<string> {
  await page.goto(`${portal.apiUrl}/intake`);
  await page.getByLabel('Your company').selectOption(request.resellerId);
  await page.getByLabel('Your name').fill(request.contactName);
  await page.getByLabel('Your e-mail address').fill(request.contactEmail);
  await page.getByLabel("End customer's company name").fill(request.companyName);
  await page.getByLabel("End customer's tenant domain").fill(request.tenantDomain);
  await page.getByLabel('Incident priority').selectOption(request.priority);
  await page.getByLabel('Product area (scope)').selectOption(request.scope);
  await page.getByLabel('Subject').fill(request.subject);
  await page.getByLabel('Description').fill(request.description);
  await page.getByRole('button', { name: 'Send the request' }).click();
  const receipt = await page.locator('body').innerText();
  const number = /CSS-\d{6}/.exec(receipt)?.[0];
  if (number === undefined) throw new Error(`the intake receipt names no ticket:\n${receipt}`);
  return number;
}

/** Finds the ticket with the queue's search and opens it; resolves with its pane. */
export async function openTicket(page: Page, number: string) {
  await page.getByRole('searchbox', { name: 'Search tickets' }).fill(number);
  await page.locator(`[role="row"][data-ticket-number="${number}"]`).click();
  const pane = page.getByRole('region', { name: `Ticket ${number}` });
  await expect(pane).toBeVisible();
  return pane;
}

/** An entitled reseller and end customer, as the seeded tickets show them. */
export function entitledAccount(tickets: readonly Ticket[]) {
  const ticket = tickets.find(
    (t) =>
      t.entitlement?.active === true &&
      t.entitlement.supportPlan !== 'none' &&
      t.endCustomer.tenantDomain !== null &&
      t.endCustomer.companyName !== null,
  );
  if (ticket === undefined) throw new Error('the demo data has no entitled customer');
  return {
    resellerId: ticket.requester.resellerId,
    companyName: ticket.endCustomer.companyName ?? '',
    tenantDomain: ticket.endCustomer.tenantDomain ?? '',
  };
}

/** Fills the Escalate dialog with a valid Microsoft case, opened at `openedAt` when given (else the dialog's default). */
export async function fillEscalation(dialog: Locator, caseNumber: string, openedAt?: string): Promise<void> {
  await dialog.getByLabel('Microsoft case number').fill(caseNumber);
  await dialog.getByLabel(/^Microsoft engineer\W*$/).fill('Alex Wilber');
  await dialog.getByLabel('Support topic').fill('Mail flow');
  await dialog.getByLabel('Product').fill('Exchange Online');
  if (openedAt !== undefined) await dialog.getByLabel('Opened at Microsoft').fill(openedAt);
}
