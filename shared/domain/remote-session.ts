/** Remote sessions the engineer schedules with the customer during investigation. */
import { z } from 'zod';
import { Actor } from './people';
import { Instant } from './time';

export const SessionSlot = z
  .object({ start: Instant, end: Instant })
  .refine((slot) => slot.start < slot.end, { message: 'a slot must end after it starts', path: ['end'] });
export type SessionSlot = z.infer<typeof SessionSlot>;

export const RemoteSessionStatus = z.enum(['proposed', 'confirmed', 'completed', 'cancelled', 'no_show']);
export type RemoteSessionStatus = z.infer<typeof RemoteSessionStatus>;

export const RemoteSession = z.object({
  id: z.uuid(),
  status: RemoteSessionStatus,
  proposedSlots: z.array(SessionSlot).min(1),
  confirmedSlot: SessionSlot.nullable(),
  /** A Teams link or a remote-assistance code. */
  meetingLink: z.string().max(1000).nullable(),
  outcomeNotes: z.string().max(8000).nullable(),
  engineer: Actor,
  createdAt: Instant,
});
export type RemoteSession = z.infer<typeof RemoteSession>;
