/** Signing in, throttled per account and per address once wrong passwords pile up, and signing out. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../shared/api';
import { LoginRequest, LoginResponse } from '../shared/api/auth';
import type { Clock } from '../shared/domain/time';
import { login, revoke } from './auth';
import type { PortalDatabase } from './db';
import { HttpError, parseRequest, sendParsed } from './http';
import type { ScryptCost } from './password';
import { createLimit, inSeconds } from './rate-limits';

/** Wrong passwords allowed per account, and per address, in a window; the next sign-in waits for its end. */
export const WRONG_PASSWORDS_ALLOWED = 10;
export const WRONG_PASSWORD_WINDOW_MS = 60_000;

/** The account a sign-in is for, as its e-mail is stored: whether or not it exists, so the answer tells nothing. */
const account = (request: FastifyRequest) => LoginRequest.parse(request.body).email.toLowerCase();

export function registerSignInRoutes(
  app: FastifyInstance,
  {
    db,
    clock,
    passwordCost,
    requireSignIn,
  }: {
    db: PortalDatabase;
    clock: Clock;
    passwordCost: ScryptCost;
    requireSignIn: (request: FastifyRequest) => Promise<void>;
  },
): void {
  const wrongPasswords = { max: WRONG_PASSWORDS_ALLOWED, windowMs: WRONG_PASSWORD_WINDOW_MS };
  const byAccount = createLimit({
    db,
    clock,
    name: 'wrong passwords by account',
    ...wrongPasswords,
    key: account,
    refusal: (seconds) =>
      `too many wrong passwords for this account: its sign-in is paused; try again in ${inSeconds(seconds)}`,
  });
  const byAddress = createLimit({
    db,
    clock,
    name: 'wrong passwords by address',
    ...wrongPasswords,
    refusal: (seconds) =>
      `too many wrong passwords from your address: sign-in from it is paused; try again in ${inSeconds(seconds)}`,
  });

  app.post(`${API_PREFIX}/auth/login`, async (request, reply) => {
    const credentials = parseRequest(LoginRequest, request.body, 'sign-in request');
    // Checked before the password, so a paused sign-in costs no hashing, and the right password waits too.
    const session = await byAccount.guard(request, reply, (countForAccount) =>
      byAddress.guard(request, reply, async (countForAddress) => {
        const signedIn = await login(db, credentials, { now: clock(), cost: passwordCost });
        if (signedIn === null) {
          countForAccount();
          countForAddress();
        }
        return signedIn;
      }),
    );
    if (session === null) throw new HttpError(401, 'bad_credentials', 'the e-mail address or the password is wrong');
    return sendParsed(reply, LoginResponse, session);
  });

  app.post(`${API_PREFIX}/auth/logout`, { onRequest: requireSignIn }, async (request, reply) => {
    await revoke(db, request.headers.authorization);
    return reply.code(204).send();
  });
}
