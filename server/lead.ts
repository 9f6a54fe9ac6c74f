/** The team lead's routes (the team's open escalations, setting the cadence) and the cadence every engineer reads. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../shared/api';
import { LeadEscalationsResponse, escalationRows } from '../shared/api/lead';
import { FollowUpCadence } from '../shared/domain/cadence';
import type { User } from '../shared/domain/people';
import type { Clock } from '../shared/domain/time';
import { HttpError, parseRequest, sendParsed } from './http';
import type { LeadStore } from './lead-store';

export interface LeadRouteDependencies {
  leadStore: LeadStore;
  clock: Clock;
  /** app.ts's hook answering 401 to a caller without a valid token. */
  requireSignIn: (request: FastifyRequest) => Promise<void>;
  /** The user requireSignIn found. */
  signedIn: (request: FastifyRequest) => User;
}

export function registerLeadRoutes(
  app: FastifyInstance,
  { leadStore: store, clock, requireSignIn, signedIn }: LeadRouteDependencies,
): void {
  // The role is the server's to check: an engineer's console hides these views, but its token must not open them.
  // Runs before the body is read, so an engineer learns nothing from how their body parses.
  const leadOnly =
    (doing: string) =>
    (request: FastifyRequest): Promise<void> =>
      signedIn(request).role === 'lead'
        ? Promise.resolve()
        : Promise.reject(new HttpError(403, 'forbidden', `only a team lead can ${doing}; ask your team lead`));

  app.get(
    `${API_PREFIX}/lead/escalations`,
    { onRequest: [requireSignIn, leadOnly("see the team's escalations")] },
    async (request, reply) => {
      const { teamId } = signedIn(request);
      const now = clock();
      const cadence = await store.cadence(teamId);
      return sendParsed(reply, LeadEscalationsResponse, {
        asOf: now.toISOString(),
        cadence,
        escalations: escalationRows(await store.escalatedTickets(teamId), cadence, now),
      });
    },
  );

  // Engineers read it too: their console flags their own overdue follow-ups with the team's cadence.
  app.get(`${API_PREFIX}/cadence`, { onRequest: requireSignIn }, async (request, reply) =>
    sendParsed(reply, FollowUpCadence, await store.cadence(signedIn(request).teamId)),
  );

  app.put(
    `${API_PREFIX}/lead/cadence`,
    { onRequest: [requireSignIn, leadOnly('change the follow-up cadence')] },
    async (request, reply) => {
      const cadence = parseRequest(FollowUpCadence, request.body, 'follow-up cadence');
      const user = signedIn(request);
      await store.saveCadence(user.teamId, cadence, user.id, clock().toISOString());
      return sendParsed(reply, FollowUpCadence, await store.cadence(user.teamId));
    },
  );
}
