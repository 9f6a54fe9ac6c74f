// Password hashes: scrypt at OWASP's cost, the cost stored with each hash, and older hashes made again at sign-in.
import { afterEach, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { LoginResponse } from '../../../shared/api/auth';
import { PASSWORD_COST, type ScryptCost, hashPassword, isBelowCost, verifyPassword } from '../../../server/password';
import { DEMO_PASSWORD_COST } from '../../../server/seed';
import { type Portal, bearer, david, giulia, listen, seededPortal, signInOver } from './fixtures';

const CHEAP: ScryptCost = { logN: 10, r: 8, p: 1 };

/** A hash in the form stored before the cost was: `scrypt$<salt>$<key>`, made at Node's default cost. */
async function unstatedCostHash(password: string): Promise<string> {
  return (await hashPassword(password, { logN: 14, r: 8, p: 1 })).replace('$ln=14,r=8,p=1$', '$');
}

describe('password hashes', () => {
  it("hashes at OWASP's cost by default, N = 2^17, r = 8, p = 1, and names the cost in the hash", async () => {
    expect(PASSWORD_COST).toEqual({ logN: 17, r: 8, p: 1 });
    const hash = await hashPassword('demo1234');
    expect(hash).toMatch(/^scrypt\$ln=17,r=8,p=1\$[\w-]{22}\$[\w-]{86}$/);
    expect(await verifyPassword('demo1234', hash)).toBe(true);
  });

  it('verifies the right password and rejects a wrong one; equal passwords hash differently', async () => {
    const hash = await hashPassword('demo1234', CHEAP);
    expect(await verifyPassword('demo1234', hash)).toBe(true);
    expect(await verifyPassword('demo12345', hash)).toBe(false);
    expect(await hashPassword('demo1234', CHEAP)).not.toBe(hash);
  });

  it('reads the hashes stored before the cost was', async () => {
    const hash = await unstatedCostHash('demo1234');
    expect(hash.split('$')).toHaveLength(3);
    expect(await verifyPassword('demo1234', hash)).toBe(true);
    expect(await verifyPassword('demo12345', hash)).toBe(false);
    expect(isBelowCost(hash, PASSWORD_COST)).toBe(true);
  });

  it.each([
    ['not a hash', 'not-a-hash'],
    ['another scheme', '$2b$10$abcdefghijklmnopqrstuv'],
    ['a cost out of bounds', 'scrypt$ln=40,r=8,p=1$c2FsdA$a2V5'],
    ['a cost spelt wrong', 'scrypt$N=131072$c2FsdA$a2V5'],
    ['a missing key', 'scrypt$ln=12,r=8,p=1$c2FsdA'],
  ])('matches no password against %s, and counts it below any cost', async (_case, stored) => {
    expect(await verifyPassword('demo1234', stored)).toBe(false);
    expect(isBelowCost(stored, CHEAP)).toBe(true);
  });

  it('tells a hash below the cost in any parameter from one at or above it', async () => {
    const hash = await hashPassword('demo1234', CHEAP);
    expect(isBelowCost(hash, CHEAP)).toBe(false);
    expect(isBelowCost(hash, { ...CHEAP, logN: 11 })).toBe(true);
    expect(isBelowCost(hash, { ...CHEAP, r: 9 })).toBe(true);
    expect(isBelowCost(hash, { ...CHEAP, p: 2 })).toBe(true);
    expect(isBelowCost(hash, { ...CHEAP, logN: 9 })).toBe(false);
  });
});

describe('signing in at the default cost', () => {
  let portal: Portal;
  afterEach(() => portal.close());

  const storedHash = async (userId: string) =>
    String((await portal.db.sql.get('SELECT password_hash FROM users WHERE id = ?', [userId]))?.password_hash);

  it('upgrades an older hash and a demo hash to N = 2^17 at the next successful sign-in, and only then', async () => {
    portal = await seededPortal(undefined, { passwordCost: PASSWORD_COST });
    const address = await listen(portal);
    await portal.db.directory.updatePasswordHash(giulia.id, await unstatedCostHash('demo1234'));
    expect(await storedHash(david.id)).toMatch(
      new RegExp(`^scrypt\\$ln=${DEMO_PASSWORD_COST.logN},r=${DEMO_PASSWORD_COST.r},p=${DEMO_PASSWORD_COST.p}\\$`),
    );
    const signIn = (email: string, password: string) => signInOver(address, email, password);

    const older = await storedHash(giulia.id);
    expect((await signIn(giulia.email, 'wrong password')).status).toBe(401);
    expect(await storedHash(giulia.id)).toBe(older);

    for (const user of [giulia, david]) {
      const answer = await signIn(user.email, 'demo1234');
      expect(answer.status).toBe(200);
      const upgraded = await storedHash(user.id);
      expect(upgraded).toMatch(/^scrypt\$ln=17,r=8,p=1\$/);
      expect(isBelowCost(upgraded, PASSWORD_COST)).toBe(false);
      // The upgraded hash is the one checked from then on.
      const again = await signIn(user.email, 'demo1234');
      expect(again.status).toBe(200);
      expect(await storedHash(user.id)).toBe(upgraded);
      const { token } = LoginResponse.parse(await again.json());
      expect((await fetch(`${address}${API_PREFIX}/team`, { headers: bearer(token) })).status).toBe(200);
    }
  });
});
