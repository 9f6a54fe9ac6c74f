/** Signing in and bearer tokens: passwords checked against their scrypt hash, tokens stored only as SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import type { LoginResponse } from '../shared/api/auth';
import type { User } from '../shared/domain/people';
import type { PortalDatabase } from './db';
import { type ScryptCost, hashPassword, isBelowCost, unmatchableHash, verifyPassword } from './password';

/** How long a login lasts: one working day, so an engineer signs in once per shift. */
export const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** The only form in which a token is stored or looked up. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token from an `Authorization: Bearer <token>` header, or null when there is none. */
function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{32,200})$/.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * Signs a user in: a new token when the e-mail and password match, null otherwise (whichever was wrong).
 * A password hashed at a lower cost than `cost` is hashed again at `cost` on the way.
 */
export async function login(
  db: PortalDatabase,
  { email, password }: { email: string; password: string },
  { now, cost }: { now: Date; cost: ScryptCost },
): Promise<LoginResponse | null> {
  const account = await db.directory.findAccountByEmail(email);
  const matches = await verifyPassword(password, account?.passwordHash ?? unmatchableHash(cost));
  if (account === null || !matches) return null;
  if (isBelowCost(account.passwordHash, cost)) {
    await db.directory.updatePasswordHash(account.user.id, await hashPassword(password, cost));
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.directory.deleteExpiredTokens(now.toISOString());
    await tx.directory.insertToken(
      hashToken(token),
      account.user.id,
      now.toISOString(),
      new Date(now.getTime() + TOKEN_LIFETIME_MS).toISOString(),
    );
  });
  return { token, user: account.user };
}

/** The user behind an Authorization header, or null when it is missing, unknown or expired. */
export async function authenticate(
  db: PortalDatabase,
  authorization: string | undefined,
  now: Date,
): Promise<User | null> {
  const token = bearerToken(authorization);
  return token === null ? null : db.directory.findUserByToken(hashToken(token), now.toISOString());
}

/** Signs out: the token of the Authorization header is forgotten, so it answers 401 from then on. */
export async function revoke(db: PortalDatabase, authorization: string | undefined): Promise<void> {
  const token = bearerToken(authorization);
  if (token !== null) await db.directory.deleteToken(hashToken(token));
}
