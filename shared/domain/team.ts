/** The team a user works in and the rules it runs by: what every mutation is checked against besides the ticket. */
import { z } from 'zod';
import { DEFAULT_CADENCE, FollowUpCadence } from './cadence';
import { FlowPolicy, DEFAULT_FLOW_POLICY } from './flow';
import { Role, UserId } from './people';

export const TeamMember = z.object({ id: UserId, name: z.string().min(1).max(120), role: Role });
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamContext = z.object({
  /** Everyone a ticket of this team can be assigned to. */
  members: z.array(TeamMember),
  policy: FlowPolicy,
  /** How often Microsoft must be chased per severity; a copy cached before it existed gets the default. */
  cadence: FollowUpCadence.default(DEFAULT_CADENCE),
  /**
   * The customer portal's address, which scheduling links in replies start with; null until the
   * server says (a copy cached before it existed), when replies carry the link's path alone.
   */
  portalUrl: z
    .url({ protocol: /^https?$/, message: 'the portal address must be an http(s) URL' })
    .nullable()
    .default(null),
});
export type TeamContext = z.infer<typeof TeamContext>;

/** Before the first sync brings the real one: only the user, and the default policy. */
export function soloTeam(member: TeamMember): TeamContext {
  return { members: [member], policy: DEFAULT_FLOW_POLICY, cadence: DEFAULT_CADENCE, portalUrl: null };
}
