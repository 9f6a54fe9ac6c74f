/** Server-rendered HTML for the customer's pages: a template tag that escapes every value, and the page frame. */

/** Markup that is already safe: the only value `html` inserts without escaping. */
export class Markup {
  constructor(readonly text: string) {}
}

export type Interpolation = string | number | Markup | readonly Markup[] | null | undefined | false;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in text and in quoted attribute values alike, so callers never have to know which they are in. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  if (value instanceof Markup) return value.text;
  return value.map(render).join('');
}

/**
 * A template tag escaping every interpolated value unless it is Markup: what the customer typed can
 * only ever come out as text, whichever template forgets to think about it.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  return new Markup(
    values.reduce<string>((out, value, index) => out + render(value) + strings[index + 1], strings[0] ?? ''),
  );
}

const STYLE = `
:root { color-scheme: light dark; --accent: #0f6cbd; --error: #c50f1f; --muted: #616161; --line: #d1d1d1; --warn: #8a3707; --bubble: #f0f0f0; }
@media (prefers-color-scheme: dark) { :root { --accent: #479ef5; --error: #ff99a4; --muted: #adadad; --line: #525252; --warn: #fabd7a; --bubble: #2e2e2e; } }
body { font: 16px/1.5 system-ui, "Segoe UI", sans-serif; margin: 0; }
header { border-bottom: 1px solid var(--line); padding: 0.75rem 1.5rem; font-weight: 600; }
main { max-width: 44rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 1.5rem 0; padding: 0.5rem 1rem 1rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
.field { margin-top: 1rem; }
label { display: block; font-weight: 600; }
.hint { color: var(--muted); font-size: 0.9rem; margin: 0.1rem 0 0.3rem; }
input, select, textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 0.4rem; border: 1px solid var(--line); border-radius: 4px; }
textarea { min-height: 10rem; }
.invalid input, .invalid select, .invalid textarea { border: 2px solid var(--error); }
.error { color: var(--error); font-weight: 600; margin: 0.2rem 0; }
.summary { border: 2px solid var(--error); border-radius: 6px; padding: 0.5rem 1rem; }
.summary a { color: var(--error); }
button { font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 4px; padding: 0.6rem 1.5rem; }
.number { font-size: 1.4rem; font-weight: 700; }
button.link { background: none; color: inherit; font-weight: 400; text-decoration: underline; padding: 0; }
button.secondary { color: var(--accent); background: none; border: 1px solid var(--accent); }
.notice { border: 2px solid var(--accent); border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
.chat { list-style: none; padding: 0; margin: 1.5rem 0; display: flex; flex-direction: column; gap: 0.6rem; }
.chat > li { max-width: 85%; padding: 0.5rem 0.9rem; border-radius: 14px; }
.chat .bot { align-self: flex-start; background: var(--bubble); border-bottom-left-radius: 3px; }
.chat .bot .hint { display: block; margin-top: 0.3rem; }
.chat .you { align-self: flex-end; color: #fff; background: var(--accent); border-bottom-right-radius: 3px; }
.chat .said { white-space: pre-wrap; overflow-wrap: anywhere; }
.chat .change { display: inline; margin-left: 0.6rem; font-size: 0.9rem; }
.chat .reply { align-self: stretch; max-width: none; padding: 0; }
.chat .reply form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-start; }
.chat .reply .error { flex-basis: 100%; }
.chat .reply input, .chat .reply select, .chat .reply textarea { flex: 1 1 20rem; width: auto; }
.chat .reply.invalid input, .chat .reply.invalid select, .chat .reply.invalid textarea { border: 2px solid var(--error); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.zone { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 1rem 0; }
.zone label { flex-basis: 100%; }
.zone select { flex: 1 1 16rem; width: auto; }
.slots { list-style: none; padding: 0; margin: 0; }
.slot { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5rem 1rem; border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 1rem; margin: 0.5rem 0; }
.slot > .time { flex: 1 1 22rem; }
.when { font-weight: 600; display: block; }
.also, .hours { display: block; font-size: 0.9rem; color: var(--muted); }
.hours.outside { color: var(--warn); font-weight: 600; }
.slot.unavailable .when { color: var(--muted); text-decoration: line-through; }
.booked { font-size: 1.2rem; font-weight: 700; margin: 0.25rem 0; }
`;

/** A whole document; `title` is escaped like any value. */
export function page(title: string, body: Markup): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Cloud Solution Support</title>
        <style>
          ${new Markup(STYLE)}
        </style>
      </head>
      <body>
        <header>Cloud Solution Support · support requests for Microsoft cloud products</header>
        <main>${body}</main>
      </body>
    </html> `.text;
}
