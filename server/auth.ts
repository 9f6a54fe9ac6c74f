/** Password hashing and bearer tokens: scrypt with a per-user salt, and tokens stored only as SHA-256. */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { LoginResponse } from '../shared/api/auth';
import type { User } from '../shared/domain/people';
import type { PortalDatabase } from './db';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

/** How long a login lasts: one working day, so an engineer signs in once per shift. */
export const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** Stored as `scrypt$<salt>$<key>` (base64url) so the scheme can change later without ambiguity. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scryptAsync(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash no password matches, checked when the e-mail is unknown so that an unknown address and a
 * wrong password take the same time and cannot be told apart.
 */
const UNKNOWN_USER_HASH = `scrypt$${randomBytes(SALT_LENGTH).toString('base64url')}$${randomBytes(KEY_LENGTH).toString('base64url')}`;

/** The only form in which a token is stored or looked up. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token from an `Authorization: Bearer <token>` header, or null when there is none. */
function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{32,200})$/.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Signs a user in: a new token when the e-mail and password match, null otherwise (whichever was wrong). */
export async function login(
  db: PortalDatabase,
  email: string,
  password: string,
  now: Date,
): Promise<LoginResponse | null> {
  const account = db.findAccountByEmail(email);
  const matches = await verifyPassword(password, account?.passwordHash ?? UNKNOWN_USER_HASH);
  if (account === null || !matches) return null;
  const token = randomBytes(32).toString('base64url');
  db.transaction(() => {
    db.deleteExpiredTokens(now.toISOString());
    db.insertToken(
      hashToken(token),
      account.user.id,
      now.toISOString(),
      new Date(now.getTime() + TOKEN_LIFETIME_MS).toISOString(),
    );
  });
  return { token, user: account.user };
}

/** The user behind an Authorization header, or null when it is missing, unknown or expired. */
export function authenticate(db: PortalDatabase, authorization: string | undefined, now: Date): User | null {
  const token = bearerToken(authorization);
  return token === null ? null : db.findUserByToken(hashToken(token), now.toISOString());
}

/** Signs out: the token of the Authorization header is forgotten, so it answers 401 from then on. */
export function revoke(db: PortalDatabase, authorization: string | undefined): void {
  const token = bearerToken(authorization);
  if (token !== null) db.deleteToken(hashToken(token));
}
