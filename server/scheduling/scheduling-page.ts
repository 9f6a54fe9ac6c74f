/**
 * The customer's scheduling page: the offered times in their zone (or one they switch to), each with
 * whether it falls in working hours, and the forms to book one or ask for other times; once booked, the
 * booking and its calendar invite. Server-rendered, no script.
 */
import {
  type RemoteSession,
  type SessionSlot,
  WORKING_HOURS,
  sessionSlot,
  slotInZone,
  withinWorkingHours,
} from '../../shared/domain/remote-session';
import { hasInvite } from '../../shared/domain/session-ics';
import type { Ticket } from '../../shared/domain/ticket';
import { timeZoneOptions } from '../intake/choices';
import { type Markup, html, page } from '../intake/html';
import type { LinkState, SlotAvailability } from './customer-link';

export interface SchedulingView {
  /** The page's own address, /sessions/<token>. */
  path: string;
  state: LinkState;
  ticket: Ticket;
  offered: RemoteSession;
  current: RemoteSession;
  /** The zone the times are shown in: the customer's, or the one chosen in the switcher. */
  zone: string;
  /** Why the zone asked for in the address is not the one shown. */
  zoneProblem: string | null;
  /** Why the last booking or request was refused. */
  problem: string | null;
  /** The offered times and whether each can still be booked (open proposals only). */
  slots: readonly { slot: SessionSlot; availability: SlotAvailability }[];
  /** The message asking for other times, as typed, when it was refused. */
  request: string;
  requestProblem: string | null;
}

const HOURS = `Monday to Friday, ${String(WORKING_HOURS.startHour).padStart(2, '0')}:00–${WORKING_HOURS.endHour}:00`;

const customerZone = (view: SchedulingView) => view.ticket.endCustomer.timeZone;

/** The zone travels with every form, so the page comes back in the zone the customer was reading. */
const zoneField = (view: SchedulingView) => html`<input type="hidden" name="zone" value="${view.zone}" />`;

function facts(view: SchedulingView): Markup {
  const { ticket, current } = view;
  const link = current.meetingLink;
  const showLink = link !== null && (view.state === 'booked' || view.state === 'open');
  return html`<dl class="facts">
    <dt>Request</dt>
    <dd>${ticket.number}: ${ticket.title}</dd>
    <dt>Your engineer</dt>
    <dd>${current.engineer.name}, Cloud Solution Support</dd>
    ${
      showLink
        ? html`<dt>How to join</dt>
            <dd>${link.startsWith('https://') ? html`<a href="${link}" rel="noreferrer">${link}</a>` : link}</dd>`
        : null
    }
  </dl>`;
}

function zoneSwitcher(view: SchedulingView): Markup {
  return html`<form method="get" action="${view.path}" class="zone">
    <label for="zone">Show the times in this time zone</label>
    ${view.zoneProblem === null ? null : html`<p class="error" id="zone-error" role="alert">${view.zoneProblem}</p>`}
    <select id="zone" name="zone" ${view.zoneProblem === null ? null : html` aria-describedby="zone-error"`}>
      ${timeZoneOptions(view.zone)}
    </select>
    <button type="submit" class="secondary">Show</button>
  </form>`;
}

/** A time in the zone shown, and in the customer's own zone too when another one is shown. */
function when(view: SchedulingView, slot: SessionSlot): Markup {
  const own = customerZone(view);
  return html`<span class="when">${slotInZone(slot, view.zone)}</span>
    ${view.zone === own ? null : html`<span class="also">${slotInZone(slot, own)}</span>`}`;
}

function workingHours(view: SchedulingView, slot: SessionSlot): Markup {
  const zone = customerZone(view);
  return withinWorkingHours(slot, zone)
    ? html`<span class="hours">Within working hours in ${zone}</span>`
    : html`<span class="hours outside">Outside working hours in ${zone} (${HOURS})</span>`;
}

const AVAILABILITY_TEXT: Record<Exclude<SlotAvailability, 'free'>, string> = {
  passed: 'This time has passed',
  taken: 'No longer free',
};

function offeredSlots(view: SchedulingView): Markup {
  return html`<form method="post" action="${view.path}/book" accept-charset="utf-8">
    ${zoneField(view)}
    <ul class="slots">
      ${view.slots.map(
        ({ slot, availability }) =>
          html`<li class="slot${availability === 'free' ? '' : ' unavailable'}">
            <span class="time">${when(view, slot)} ${workingHours(view, slot)}</span>
            ${
              availability === 'free'
                ? html`<button type="submit" name="slot" value="${slot.start}/${slot.end}">Book this time</button>`
                : html`<span class="hours">${AVAILABILITY_TEXT[availability]}</span>`
            }
          </li>`,
      )}
    </ul>
  </form>`;
}

function otherTimesForm(view: SchedulingView): Markup {
  const error = view.requestProblem;
  const describedBy = error === null ? 'message-hint' : 'message-hint message-error';
  const textarea = html`<textarea
    id="message"
    name="message"
    rows="4"
    maxlength="2000"
    aria-describedby="${describedBy}"
    ${error === null ? null : html` aria-invalid="true"`}
  >
${view.request}</textarea>`;
  return html`<form method="post" action="${view.path}/other-times" accept-charset="utf-8" novalidate>
    <fieldset class="${error === null ? '' : 'invalid'}">
      <legend>None of these times suit you?</legend>
      <label for="message">Tell your engineer which days and times suit you</label>
      <p class="hint" id="message-hint">Your engineer withdraws these times and proposes new ones.</p>
      ${error === null ? null : html`<p class="error" id="message-error" role="alert">${error}</p>`} ${textarea}
      ${zoneField(view)}
      <p><button type="submit" class="secondary">Ask for other times</button></p>
    </fieldset>
  </form>`;
}

function inviteLink(view: SchedulingView, text: string): Markup | null {
  return hasInvite(view.current) ? html`<p><a href="${view.path}/invite.ics">${text}</a></p>` : null;
}

/** What the page says in each state: its heading and what follows the facts. */
function body(view: SchedulingView): { title: string; content: Markup } {
  const { current, offered } = view;
  const time = sessionSlot(current);
  switch (view.state) {
    case 'open':
      return {
        title: 'Choose a time for your remote session',
        content: html`<p>
            ${current.engineer.name} would like to look at your request with you in a remote session. Book the time that
            suits you best; the times are shown in ${view.zone}.
          </p>
          ${zoneSwitcher(view)} ${offeredSlots(view)} ${otherTimesForm(view)}`,
      };
    case 'booked':
      return {
        title: 'Your remote session is booked',
        content: html`<p class="booked">${when(view, time)}</p>
          ${
            current.id === offered.id
              ? null
              : html`<p class="notice">
                  Your engineer moved this session. It was ${slotInZone(sessionSlot(offered), view.zone)}.
                </p>`
          }
          ${inviteLink(view, 'Add it to your calendar (.ics)')}
          <p>To change the time or cancel, reply to your engineer.</p>
          ${zoneSwitcher(view)}`,
      };
    case 'held':
      return {
        title: current.status === 'completed' ? 'This remote session has taken place' : 'This remote session is over',
        content: html`<p class="booked">${when(view, time)}</p>
          <p>If you need another session, reply to your engineer.</p>`,
      };
    case 'cancelled':
      return {
        title: 'This remote session was cancelled',
        content: html`${
            current.cancelReason === null ? null : html`<p>Your engineer wrote: “${current.cancelReason}”</p>`
          }
          ${current.confirmedSlot === null ? null : html`<p>It was booked for ${when(view, current.confirmedSlot)}.</p>`}
          ${inviteLink(view, 'Remove it from your calendar (.ics)')}
          <p>If you still need a session, reply to your engineer.</p>`,
      };
    case 'asked':
      return {
        title: 'You asked for other times',
        content: html`<p>Your message to ${current.engineer.name}:</p>
          <p class="notice">${current.customerRequest}</p>
          <p>The times offered are withdrawn. Your engineer will propose new times by e-mail.</p>`,
      };
    case 'expired':
      return {
        title: 'This proposal has expired',
        content: html`<p>The times offered have all passed. Reply to your engineer to ask for new times.</p>`,
      };
    case 'closed':
      return {
        title: 'This proposal is closed',
        content: html`<p>Your request has moved on, so these times can no longer be booked.</p>
          <p>If you still need a session, reply to your engineer.</p>`,
      };
  }
}

export function renderScheduling(view: SchedulingView): string {
  const { title, content } = body(view);
  return page(
    title,
    html`<h1>${title}</h1>
      ${view.problem === null ? null : html`<div class="summary" role="alert"><p>${view.problem}</p></div>`}
      ${facts(view)} ${content}`,
  );
}

/** A link that leads nowhere: mistyped, cut short, or made up. */
export function renderInvalidLink(): string {
  return page(
    'This scheduling link is not valid',
    html`<h1>This scheduling link is not valid</h1>
      <p>
        This scheduling link is not valid: check that you opened the whole link from your engineer's e-mail. If it still
        does not work, reply to that e-mail and ask for a new link.
      </p>`,
  );
}

const PROBLEM_TEXT: Record<number, string> = {
  404: 'There is no such page. Open the scheduling link from your engineer’s e-mail again.',
  413: 'Your message is too long to send. Shorten it and try again.',
  500: 'Something went wrong on our side and nothing was booked. Please try again in a few minutes.',
};

/** Failures before the page could read the post (too large, wrong encoding) or after, in words. */
export function renderSchedulingProblem(status: number): string {
  const text = PROBLEM_TEXT[status] ?? 'The page could not read what was sent. Go back and try again.';
  return page(
    'Nothing was booked',
    html`<h1>Nothing was booked</h1>
      <p>${text}</p>`,
  );
}
