/** addNote: an internal note on the ticket's timeline, visible to the support team only. */
import { z } from 'zod';
import { TicketId } from '../domain/ticket';
import { defineMutation, refuse } from './mutation';

export const AddNoteArgs = z.object({
  ticketId: TicketId,
  /** Chosen by the console so the optimistic entry and the server's are the same entry. */
  noteId: z.uuid(),
  body: z
    .string()
    .trim()
    .min(1, { message: 'the note is empty' })
    .max(20000, { message: 'the note is longer than 20,000 characters' }),
});
export type AddNoteArgs = z.infer<typeof AddNoteArgs>;

export const addNote = defineMutation({
  name: 'addNote',
  args: AddNoteArgs,
  apply(ticket, args, { now, actor }) {
    if (ticket.stage === 'closed') {
      return refuse('ticket_closed', `${ticket.number} is closed: reopen it before adding a note.`);
    }
    if (ticket.timeline.some((entry) => entry.id === args.noteId)) {
      return refuse('invalid_args', `a timeline entry with id ${args.noteId} already exists on ${ticket.number}.`);
    }
    return {
      ok: true,
      ticket: {
        ...ticket,
        updatedAt: now,
        timeline: [
          ...ticket.timeline,
          {
            id: args.noteId,
            at: now,
            kind: 'internal_note',
            author: { id: actor.id, name: actor.name },
            body: args.body,
          },
        ],
      },
    };
  },
});
