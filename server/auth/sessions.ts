/**
 * Sessions: a random bearer token for the widget, stored only as its SHA-256, with an expiry.
 * A request's `Authorization: Bearer` header is read here, once, for every route that needs it.
 */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { RiposteError } from '../http/errors.ts';
import type { UserRow } from '../store/schema.ts';
import { hashToken, randomToken } from '../tokens.ts';

/** Starts a session for the person and returns its token (shown once, never stored). */
export async function createSession(deps: Pick<AppDeps, 'store' | 'config' | 'now'>, userId: number): Promise<string> {
  const token = randomToken();
  const now = deps.now();
  await deps.store.sessions.deleteExpired(now.toISOString());
  const expiresAt = new Date(now.getTime() + deps.config.auth.sessionDays * 86_400_000).toISOString();
  await deps.store.sessions.create(hashToken(token), userId, now.toISOString(), expiresAt);
  return token;
}

/** The bearer token sent with the request, if any. */
export function bearerToken(c: Context<AppEnv>): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,100})\s*$/i.exec(c.req.header('authorization') ?? '');
  if (c.req.header('authorization') !== undefined && !match) throw unauthorized();
  return match ? match[1]! : null;
}

/**
 * The signed-in person, or null for a guest (no Authorization header). A token that is
 * unknown, expired or logged out is refused with 401 rather than treated as a guest, so
 * the widget can say so and show the guest form.
 */
export async function sessionUser(c: Context<AppEnv>): Promise<UserRow | null> {
  const token = bearerToken(c);
  if (token === null) return null;
  const user = await c.var.store.sessions.findUser(hashToken(token), c.var.now().toISOString());
  if (!user) throw unauthorized();
  return user;
}

export function unauthorized(): RiposteError {
  return new RiposteError(401, 'unauthorized', 'Your sign-in has expired or you logged out. Log in again, or comment as a guest.');
}
