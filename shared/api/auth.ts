/** Signing in to the ticketing portal. */
import { z } from 'zod';
import { Email, User } from '../domain/people';

export const LoginRequest = z.object({
  email: Email,
  password: z.string().min(1, { message: 'the password is empty' }).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  /** Sent back as `Authorization: Bearer <token>` on every other request. */
  token: z.string().min(32),
  user: User,
});
export type LoginResponse = z.infer<typeof LoginResponse>;
