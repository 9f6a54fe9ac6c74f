/**
 * Password hashes: scrypt with a per-user salt, its cost stored beside the key, so that a hash made at a
 * lower cost than the server's is recognised and made again at the next successful sign-in.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's work factor: N = 2^logN, block size r, parallelisation p. */
export interface ScryptCost {
  logN: number;
  r: number;
  p: number;
}

/** OWASP's Password Storage Cheat Sheet: N = 2^17, r = 8, p = 1 (128 MiB and a few tenths of a second a hash). */
export const PASSWORD_COST: ScryptCost = { logN: 17, r: 8, p: 1 };

/** The cost of the hashes stored as `scrypt$<salt>$<key>`, before the cost was stored: Node's defaults. */
const UNSTATED_COST: ScryptCost = { logN: 14, r: 8, p: 1 };

/** The costs a stored hash may name: anything outside is a damaged value, not a cost to spend memory on. */
const COST_BOUNDS = { logN: [10, 20], r: [1, 32], p: [1, 16] } as const;

const BASE64URL = /^[\w-]+$/;
const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

function deriveKey(password: string, salt: Buffer, length: number, { logN, r, p }: ScryptCost): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs about 128·N·r·p bytes; Node refuses above 32 MiB unless allowed more.
  const options = { N, r, p, maxmem: 2 * 128 * N * r * p };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error === null ? resolve(key) : reject(error))),
  );
}

const formatHash = ({ logN, r, p }: ScryptCost, salt: Buffer, key: Buffer) =>
  `scrypt$ln=${logN},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;

/** Stored as `scrypt$ln=17,r=8,p=1$<salt>$<key>` (base64url), the cost named so that it can change. */
export async function hashPassword(password: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  return formatHash(cost, salt, await deriveKey(password, salt, KEY_LENGTH, cost));
}

/**
 * A hash no password matches, at `cost`: checked when the e-mail is unknown, so that an unknown address
 * and a wrong password take the same time and cannot be told apart.
 */
export const unmatchableHash = (cost: ScryptCost): string =>
  formatHash(cost, randomBytes(SALT_LENGTH), randomBytes(KEY_LENGTH));

function readCost(text: string): ScryptCost | null {
  const match = /^ln=(\d+),r=(\d+),p=(\d+)$/.exec(text);
  if (match === null) return null;
  const cost = { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const within = (Object.keys(COST_BOUNDS) as (keyof ScryptCost)[]).every(
    (name) => cost[name] >= COST_BOUNDS[name][0] && cost[name] <= COST_BOUNDS[name][1],
  );
  return within ? cost : null;
}

function parseHash(stored: string): { cost: ScryptCost; salt: string; key: string } | null {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt' || parts.length < 3 || parts.length > 4) return null;
  // `scrypt$<salt>$<key>` was stored before the cost was.
  const [costText, salt, key] = parts.length === 3 ? [null, parts[1], parts[2]] : parts.slice(1);
  const cost = costText === null ? UNSTATED_COST : readCost(costText ?? '');
  if (cost === null || salt === undefined || key === undefined) return null;
  return BASE64URL.test(salt) && BASE64URL.test(key) ? { cost, salt, key } : null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parseHash(stored);
  if (hash === null) return false;
  const expected = Buffer.from(hash.key, 'base64url');
  const actual = await deriveKey(password, Buffer.from(hash.salt, 'base64url'), expected.length, hash.cost);
  return timingSafeEqual(actual, expected);
}

/** True when the hash was made at a lower cost than `cost` in any of its parameters, or cannot be read. */
export function isBelowCost(stored: string, cost: ScryptCost): boolean {
  const made = parseHash(stored)?.cost;
  return made === undefined || made.logN < cost.logN || made.r < cost.r || made.p < cost.p;
}
