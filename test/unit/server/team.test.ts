// GET /team: the signed-in user's team roster and the process rules their changes are checked against.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { DEFAULT_FLOW_POLICY, TeamContext } from '../../../shared/domain';
import { bearer, david, giulia, type Portal, seededPortal, signIn } from './fixtures';

describe('GET /team', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await seededPortal();
  });
  afterAll(() => portal.close());

  it("lists exactly the caller's team, with the flow policy", async () => {
    const token = await signIn(portal.app, giulia.email);
    const response = await portal.app.inject({ method: 'GET', url: `${API_PREFIX}/team`, headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    const team = TeamContext.parse(response.json());
    expect(team.policy).toEqual(DEFAULT_FLOW_POLICY);
    expect(team.members.map((member) => member.name).sort()).toEqual(
      ['Anna Moretti', 'Giulia Rossi', 'Marco Bianchi', 'Sofia Conti'].sort(),
    );
    expect(team.members.map((member) => member.id)).not.toContain(david.id);
  });

  it('refuses a caller without a token', async () => {
    const response = await portal.app.inject({ method: 'GET', url: `${API_PREFIX}/team` });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'unauthenticated' });
  });
});
