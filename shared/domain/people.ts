/** The people around a ticket: console users (engineers, team leads) and reseller contacts. */
import { z } from 'zod';
import { TimeZone } from './time';

export const UserId = z.string().min(1).max(64);
export const TeamId = z.string().min(1).max(64);

export const Role = z.enum(['engineer', 'lead']);
export type Role = z.infer<typeof Role>;

export const Email = z.email({ message: 'must be an e-mail address such as name@example.com' });

export const User = z.object({
  id: UserId,
  email: Email,
  name: z.string().min(1).max(120),
  role: Role,
  teamId: TeamId,
  teamName: z.string().min(1).max(120),
  timeZone: TimeZone,
});
export type User = z.infer<typeof User>;

/** Who wrote an entry or ran a check: enough to show on a timeline without a lookup. */
export const Actor = z.object({ id: UserId, name: z.string().min(1).max(120) });
export type Actor = z.infer<typeof Actor>;

/** The reseller contact who raised the ticket on behalf of their end customer. */
export const Requester = z.object({
  name: z.string().min(1).max(120),
  email: Email,
  resellerId: z.string().min(1).max(64),
  resellerName: z.string().min(1).max(160),
});
export type Requester = z.infer<typeof Requester>;
