/**
 * The chat page: intake as a conversation, one question at a time, the answers so far as a transcript.
 * The answers travel in hidden fields, so the page needs no script and the server keeps no state.
 */
import { DEFAULT_CUSTOMER_TIME_ZONE, INTAKE_FIELDS, type IntakeField } from '../../shared/api/intake';
import { FIELD_TEXT } from './form';
import { PRIORITY_CHOICES, SCOPE_CHOICES, type Option, options, resellerChoices, timeZoneOptions } from './choices';
import { type Markup, html, page } from './html';
import type { Reseller } from './store';

export type ChatAnswers = Partial<Record<IntakeField, string>>;

/** Where the conversation is: a question (again, with the intake's message, when the answer failed), or the review. */
export type ChatStep = { kind: 'ask'; field: IntakeField; error: string | null; draft: string } | { kind: 'review' };

export interface ChatView {
  action: string;
  formPath: string;
  resellers: readonly Reseller[];
  /** The valid answers, in the order asked. */
  answers: ChatAnswers;
  step: ChatStep;
}

/** Fields the intake accepts empty: validation then closes the request with an explanation. */
const MAY_BE_EMPTY: ReadonlySet<IntakeField> = new Set(['companyName', 'tenantDomain', 'priority', 'scope']);

const firstName = (answers: ChatAnswers) => answers.contactName?.trim().split(/\s+/)[0] ?? '';

const QUESTION: Record<IntakeField, (answers: ChatAnswers) => string> = {
  resellerId: () => 'First, which reseller company do you work for?',
  contactName: () => 'What is your name?',
  contactEmail: (answers) =>
    `Thank you${firstName(answers) ? `, ${firstName(answers)}` : ''}. Which e-mail address should we write to about this request?`,
  companyName: () => 'Which end customer has the issue? Please give their company name.',
  tenantDomain: () =>
    "What is the customer's tenant domain? It is the initial domain of their Microsoft 365 tenant, such as contoso.onmicrosoft.com.",
  timeZone: () => 'Which time zone is the customer in? We propose remote sessions in their working hours.',
  priority: () => 'How urgent is it? Choose by the impact on the customer.',
  scope: () => 'Which product area is it about?',
  subject: () => 'In one line, what is wrong?',
  description: () =>
    'Last question: describe the issue. What happens, since when, how many users are affected, any error message, and what you have already tried.',
};

const CHOICES: Partial<Record<IntakeField, (resellers: readonly Reseller[]) => readonly Option[]>> = {
  resellerId: resellerChoices,
  priority: () => PRIORITY_CHOICES,
  scope: () => SCOPE_CHOICES,
};

/** An answer as the transcript shows it: the label of a choice, and what an empty answer means. */
function shownAnswer(field: IntakeField, value: string, resellers: readonly Reseller[]): string {
  if (value.trim() === '') {
    return field === 'timeZone' ? `${DEFAULT_CUSTOMER_TIME_ZONE} (not given)` : 'Not given';
  }
  return CHOICES[field]?.(resellers).find((choice) => choice.value === value)?.label ?? value;
}

/** The answers carried on by a form; `except` is the one the form itself asks for. */
const hiddenAnswers = (answers: ChatAnswers, except: IntakeField | null = null): Markup[] =>
  INTAKE_FIELDS.flatMap((field) => {
    const value = answers[field];
    if (value === undefined || field === except) return [];
    return [html`<input type="hidden" name="${field}" value="${value}" />`];
  });

function answerControl(field: IntakeField, draft: string, resellers: readonly Reseller[], invalid: boolean): Markup {
  const attributes = html`id="answer" name="answer"
  aria-labelledby="question"${invalid ? html` aria-invalid="true" aria-describedby="answer-error"` : null}`;
  const choices = CHOICES[field];
  if (field === 'timeZone') {
    return html`<select ${attributes}>
      ${timeZoneOptions(draft || DEFAULT_CUSTOMER_TIME_ZONE)}
    </select>`;
  }
  if (choices !== undefined) {
    const placeholder = MAY_BE_EMPTY.has(field) ? 'I do not know yet' : 'Choose…';
    return html`<select ${attributes}>
      <option value="">${placeholder}</option>
      ${options(choices(resellers), draft)}
    </select>`;
  }
  if (field === 'description') return html`<textarea ${attributes} rows="8">${draft}</textarea>`;
  const type = field === 'contactEmail' ? 'email' : 'text';
  return html`<input type="${type}" ${attributes} value="${draft}" autocomplete="off" />`;
}

function transcript(view: ChatView, until: IntakeField | null): Markup[] {
  const asked = until === null ? INTAKE_FIELDS : INTAKE_FIELDS.slice(0, INTAKE_FIELDS.indexOf(until));
  return asked.flatMap((field) => {
    const value = view.answers[field];
    if (value === undefined) return [];
    return [
      html`<li class="bot">${QUESTION[field](view.answers)}</li>`,
      html`<li class="you">
        <span class="said">${shownAnswer(field, value, view.resellers)}</span>
        <form method="post" action="${view.action}" accept-charset="utf-8" class="change">
          ${hiddenAnswers(view.answers)}<input type="hidden" name="change" value="${field}" />
          <button type="submit" class="link" aria-label="Change ${FIELD_TEXT[field].label.toLowerCase()}">
            Change
          </button>
        </form>
      </li>`,
    ];
  });
}

function question(view: ChatView, step: Extract<ChatStep, { kind: 'ask' }>): Markup {
  const { field, error, draft } = step;
  return html`<li class="bot current" id="question">
      ${QUESTION[field](view.answers)}
      ${
        MAY_BE_EMPTY.has(field)
          ? html`<span class="hint"
              >If you do not know yet, send it empty; but a request without it is closed, and we tell you why.</span
            >`
          : null
      }
    </li>
    <li class="reply${error === null ? '' : ' invalid'}">
      <form method="post" action="${view.action}" accept-charset="utf-8" novalidate>
        ${hiddenAnswers(view.answers, field)}<input type="hidden" name="asking" value="${field}" />
        ${error === null ? null : html`<p class="error" id="answer-error" role="alert">${error}</p>`}
        ${answerControl(field, draft, view.resellers, error !== null)}
        <button type="submit">Send</button>
      </form>
    </li>`;
}

function review(view: ChatView): Markup {
  return html`<li class="bot current" id="question">
      Thank you, that is everything I need. Check your answers above, change any of them, then send the request.
    </li>
    <li class="reply">
      <form method="post" action="${view.action}" accept-charset="utf-8">
        ${hiddenAnswers(view.answers)}<input type="hidden" name="send" value="yes" />
        <button type="submit">Send the request</button>
      </form>
    </li>`;
}

export function renderChat(view: ChatView): string {
  const { step } = view;
  return page(
    'Open a support request in a chat',
    html`<h1>Open a support request</h1>
      <p>
        Ask Cloud Solution Support (CSS) for help with a Microsoft cloud product you sold to an end customer. I ask the
        questions one at a time; you can change any answer before you send the request. Prefer a form?
        <a href="${view.formPath}">Use the web form</a>.
      </p>
      <ol class="chat" aria-live="polite">
        <li class="bot">Hello! I will open your support request with you. It takes about three minutes.</li>
        ${transcript(view, step.kind === 'ask' ? step.field : null)}
        ${step.kind === 'ask' ? question(view, step) : review(view)}
      </ol>`,
  );
}
