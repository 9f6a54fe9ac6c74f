/** What the console tells the user when its local copy was found damaged, or the server lost its latest changes. */
import type { OutboxReport } from './integrity';

export function damagedNotice({ unreadableChanges }: OutboxReport): string {
  return (
    `${unreadableChanges} unsent change${unreadableChanges === 1 ? '' : 's'} could not be read from the local copy ` +
    'and ' +
    (unreadableChanges === 1 ? 'was' : 'were') +
    ' set aside; every other unsent change is kept.'
  );
}

export function damagedTicketsNotice(tickets: number): string {
  return (
    `${tickets} damaged ticket${tickets === 1 ? ' was' : 's were'} found in the local copy and set aside. ` +
    'They are being downloaded again from the server; your unsent changes are kept.'
  );
}

export function historyLostNotice(resent: number): string {
  const again =
    resent === 0
      ? ''
      : ` and sending again the ${resent} change${resent === 1 ? '' : 's'} you made recently, so that none is lost (any the server refuses is listed under Needs attention)`;
  return `The server lost its most recent changes: it was restored from an earlier copy. Your console is downloading every ticket again${again}.`;
}
