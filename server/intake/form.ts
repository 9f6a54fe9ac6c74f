/** The customer's pages: the intake form (with each field's error and the entries kept), the receipt, and problems. */
import type { FieldIssue } from '../../shared/api/errors';
import { DEFAULT_CUSTOMER_TIME_ZONE, INTAKE_FIELDS, type IntakeField } from '../../shared/api/intake';
import { PRIORITY_CHOICES, SCOPE_CHOICES, options, resellerChoices, timeZoneOptions } from './choices';
import { type Markup, html, page } from './html';
import type { Reseller } from './store';

export interface IntakeFormView {
  action: string;
  /** The chat page, which asks the same questions one at a time. */
  chatPath: string;
  resellers: readonly Reseller[];
  /** What the requester entered, echoed exactly as typed. */
  entered: Partial<Record<IntakeField, string>>;
  issues: readonly FieldIssue[];
}

export interface FieldText {
  label: string;
  hint?: string;
}

export const FIELD_TEXT: Record<IntakeField, FieldText> = {
  resellerId: { label: 'Your company', hint: 'The reseller company you work for.' },
  contactName: { label: 'Your name' },
  contactEmail: { label: 'Your e-mail address', hint: 'We write to you here about this request.' },
  companyName: { label: "End customer's company name", hint: 'The organisation that has the issue.' },
  tenantDomain: {
    label: "End customer's tenant domain",
    hint: "The initial domain of the customer's Microsoft 365 tenant: <name>.onmicrosoft.com.",
  },
  timeZone: { label: "End customer's time zone", hint: 'So that remote sessions are proposed in their working hours.' },
  priority: { label: 'Incident priority' },
  scope: { label: 'Product area (scope)' },
  subject: { label: 'Subject', hint: 'One line saying what is wrong.' },
  description: {
    label: 'Description',
    hint: 'What happens, since when, how many users are affected, any error message, and what you have already tried.',
  },
};

function control(name: IntakeField, invalid: boolean, inner: (attributes: Markup) => Markup): Markup {
  const describedBy = [FIELD_TEXT[name].hint ? `${name}-hint` : '', invalid ? `${name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return inner(
    html`id="${name}"
    name="${name}"${invalid ? html` aria-invalid="true"` : null}${describedBy ? html` aria-describedby="${describedBy}"` : null}`,
  );
}

export function renderIntakeForm({ action, chatPath, resellers, entered, issues }: IntakeFormView): string {
  const errorOf = (name: IntakeField) => issues.find((issue) => issue.path === name)?.message;
  const field = (name: IntakeField, build: (attributes: Markup) => Markup) => {
    const error = errorOf(name);
    const { label, hint } = FIELD_TEXT[name];
    return html`<div class="field${error ? ' invalid' : ''}">
      <label for="${name}">${label}</label>
      ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : null}
      ${error ? html`<p class="error" id="${name}-error">${error}</p>` : null}
      ${control(name, error !== undefined, build)}
    </div>`;
  };
  const input = (name: IntakeField, type: string, extra: Markup | null = null) =>
    field(name, (attributes) => html`<input type="${type}" ${attributes} value="${entered[name] ?? ''}" ${extra} />`);
  const select = (name: IntakeField, placeholder: string | null, choices: Markup[]) =>
    field(
      name,
      (attributes) =>
        html`<select ${attributes}>
          ${placeholder === null ? null : html`<option value="">${placeholder}</option>`}${choices}
        </select>`,
    );

  return page(
    'Open a support request',
    html`<h1>Open a support request</h1>
      <p>
        Ask Cloud Solution Support (CSS) for help with a Microsoft cloud product you sold to an end customer. We first
        check that you are entitled to support for this customer and that the request holds everything we need: the
        customer's company name and tenant domain, the priority, the product area and a description. A request missing
        any of them is closed, and we tell you why.
      </p>
      <p>Prefer to be asked one question at a time? <a href="${chatPath}">Open your request in a chat</a>.</p>
      ${issues.length > 0 ? errorSummary(issues) : null}
      <form method="post" action="${action}" accept-charset="utf-8" novalidate>
        <fieldset>
          <legend>About you</legend>
          ${select('resellerId', 'Choose your company…', options(resellerChoices(resellers), entered.resellerId))}
          ${input('contactName', 'text', html` autocomplete="name" maxlength="120"`)}
          ${input('contactEmail', 'email', html` autocomplete="email"`)}
        </fieldset>
        <fieldset>
          <legend>About your customer</legend>
          ${input('companyName', 'text', html` autocomplete="off" maxlength="160"`)}
          ${input('tenantDomain', 'text', html` autocomplete="off" spellcheck="false" placeholder="contoso.onmicrosoft.com"`)}
          ${select('timeZone', null, timeZoneOptions(entered.timeZone || DEFAULT_CUSTOMER_TIME_ZONE))}
        </fieldset>
        <fieldset>
          <legend>About the issue</legend>
          ${select('priority', 'Choose the priority…', options(PRIORITY_CHOICES, entered.priority))}
          ${select('scope', 'Choose the product area…', options(SCOPE_CHOICES, entered.scope))}
          ${input('subject', 'text', html` maxlength="300"`)}
          ${field('description', (attributes) => html`<textarea ${attributes} rows="10">${entered.description ?? ''}</textarea>`)}
        </fieldset>
        <button type="submit">Send the request</button>
      </form>`,
  );
}

/** Listed first, each linking to its field, so the requester sees at once how much there is to correct. */
function errorSummary(issues: readonly FieldIssue[]): Markup {
  const label = (path: string) =>
    (INTAKE_FIELDS as string[]).includes(path) ? FIELD_TEXT[path as IntakeField].label : 'The request';
  return html`<div class="summary" role="alert">
    <h2>Please correct ${issues.length === 1 ? 'this field' : `these ${issues.length} fields`}</h2>
    <ul>
      ${issues.map((issue) => html`<li><a href="#${issue.path}">${label(issue.path)}</a>: ${issue.message}</li>`)}
    </ul>
  </div>`;
}

export function renderReceipt(number: string, formPath: string): string {
  return page(
    `Request ${number} received`,
    html`<h1>Thank you</h1>
      <p>
        Your request <span class="number">${number}</span> was received. Please quote this number whenever you contact
        us about it.
      </p>
      <p>
        What happens next: an engineer checks that you are entitled to support for this customer and that the request
        holds all the mandatory information. If it does, they start investigating and write to you; if not, the request
        is closed and we tell you why.
      </p>
      <p><a href="${formPath}">Open another request</a></p>`,
  );
}

const PROBLEM_TEXT: Record<number, string> = {
  404: 'There is no such request page. If you sent a request, check the number in our e-mail.',
  413: 'The request is too large to send. Shorten the description (at most 20,000 characters) and send it again.',
  429:
    'Too many requests were sent from your network in the last few minutes, so this one was not. Wait a few ' +
    "minutes, then go back with your browser's Back button (what you typed is still there) and send it again.",
  500: 'Something went wrong on our side and the request was not saved. Please try again in a few minutes.',
};

/** Failures before the form could be read (too large, wrong encoding) or after: in words, with the way back. */
export function renderProblem(status: number, formPath: string): string {
  const text = PROBLEM_TEXT[status] ?? 'The request could not be read. Go back to the form and send it again.';
  return page(
    'The request was not sent',
    html`<h1>The request was not sent</h1>
      <p>${text}</p>
      <p><a href="${formPath}">Back to the form</a></p>`,
  );
}
